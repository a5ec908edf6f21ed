package org.exprflow.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Checks every step's file arguments before the step does any work: an output (an option named
 * --output or --output-*; --output-dir and other --output-*-dir options name directories) must not
 * be one of the step's inputs, and must not lie under a path that is a file. Both used to surface late: an input overwritten with exit 0, or an internal error with
 * a stack trace from the atomic rename.
 */
public final class OutputPaths {
    private OutputPaths() {
    }

    /** Throws a usage error (exit 2) naming the option when an output path is unusable. */
    public static void check(ParseResult leaf) {
        List<Named> outputs = new ArrayList<>();
        List<Named> inputs = new ArrayList<>();
        for (OptionSpec option : leaf.matchedOptions()) {
            String name = option.longestName();
            for (Path p : paths(option.getValue())) {
                (name.startsWith("--output") ? outputs : inputs).add(new Named(name, p));
            }
        }
        for (Named out : outputs) {
            for (Named in : inputs) {
                if (same(out.path, in.path)) {
                    throw UserException.badParameter(out.option + " " + out.path + " is also an input (" + in.option
                            + "): refusing to overwrite it; write the output elsewhere");
                }
            }
            boolean directory = out.option.endsWith("-dir");
            Path parent = directory ? out.path.toAbsolutePath() : out.path.toAbsolutePath().getParent();
            while (parent != null && !Files.exists(parent)) {
                parent = parent.getParent();
            }
            if (parent != null && !Files.isDirectory(parent)) {
                throw UserException.badParameter(out.option + " " + out.path + ": " + parent
                        + " is a file, not a directory");
            }
            if (!directory && Files.isDirectory(out.path)) {
                throw UserException.badParameter(out.option + " " + out.path + " is a directory; name a file");
            }
        }
    }

    private record Named(String option, Path path) {
    }

    private static List<Path> paths(Object value) {
        List<Path> out = new ArrayList<>();
        if (value instanceof Path p) {
            out.add(p);
        } else if (value instanceof Iterable<?> items) {
            for (Object item : items) {
                if (item instanceof Path p) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static boolean same(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            // links and other spellings of one file
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
