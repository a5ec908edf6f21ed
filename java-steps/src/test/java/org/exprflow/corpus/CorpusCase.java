package org.exprflow.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a corpus manifest ({@code corpus/<reader>/cases.tsv}): the case name (the input's file
 * name when it has an extension), the input expression ({@link CorpusInputs}), the command line with
 * placeholders, the expected exit code, and what is expected: for a refusal, a regular expression
 * that the one error line must contain; for an acceptance, checks of the result ({@link CorpusTest}).
 *
 * <p>Placeholders in the command line and in the expectation: {@code {in}} the case's input,
 * {@code {file:NAME}} a file of the reader's folder (a path relative to it), {@code {fixture:NAME}}
 * a valid file made by the real steps ({@link CorpusFixtures}), {@code {gen:EXPR}} another generated
 * input, {@code {out:NAME}} an output (checked to be absent after a refusal), {@code {dir}} the
 * case's folder. Arguments are split on spaces; single quotes keep spaces in one argument.
 */
record CorpusCase(String reader, String name, String input, String args, int exit, String expect, Path readerDir, int line) {

    String id() {
        return reader + "/" + name;
    }

    @Override
    public String toString() {
        return id();
    }

    /** Every case of every manifest under the corpus root, in file then line order. */
    static List<CorpusCase> all(Path root) {
        List<CorpusCase> cases = new ArrayList<>();
        try (var manifests = Files.walk(root)) {
            for (Path m : manifests.filter(p -> p.getFileName().toString().equals("cases.tsv")).sorted().toList()) {
                cases.addAll(read(root, m));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    static List<CorpusCase> read(Path root, Path manifest) throws IOException {
        String reader = root.relativize(manifest.getParent()).toString().replace('\\', '/');
        List<CorpusCase> cases = new ArrayList<>();
        List<String> lines = Files.readAllLines(manifest);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || l.startsWith("#") || l.startsWith("case\t")) {
                continue;
            }
            String[] f = l.split("\t", -1);
            if (f.length != 5) {
                throw new IllegalArgumentException(manifest + ":" + (i + 1) + ": expected 5 tab-separated fields "
                        + "(case, input, args, exit, expect), found " + f.length);
            }
            cases.add(new CorpusCase(reader, f[0], f[1], f[2], Integer.parseInt(f[3].strip()), f[4], manifest.getParent(), i + 1));
        }
        return cases;
    }

    /** The command line split on spaces; '...' keeps spaces, {...} is never split. */
    List<String> tokens() {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        int braces = 0;
        boolean any = false;
        for (char c : args.toCharArray()) {
            if (c == '\'' && braces == 0) {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted && braces == 0) {
                if (any) {
                    out.add(cur.toString());
                }
                cur.setLength(0);
                any = false;
            } else {
                if (c == '{') {
                    braces++;
                } else if (c == '}') {
                    braces--;
                }
                cur.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(cur.toString());
        }
        return out;
    }
}
