package org.exprflow.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.exprflow.cli.Main;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One name per step (issue 12): module folder {@code landmark_fit} -> command {@code exprflow
 * landmark-fit} -> class {@code LandmarkFitCommand} -> CLI test {@code LandmarkFitCommandTest} in the
 * same package. A reader who knows any one of the four finds the other three without searching.
 */
@Tag("unit")
class StepNamesTest {
    private static final Path ROOT = TestEnvironment.projectDir();
    private static final Path MAIN = ROOT.resolve("java-steps/src/main/java");
    private static final Path TEST = ROOT.resolve("java-steps/src/test/java");

    /**
     * Modules that run a third-party tool, not an exprflow step (nf-core would keep them under
     * modules/nf-core): they have no subcommand, class or test of their own. Each must call its
     * tool and never {@code exprflow}, so the exception cannot hide a step that breaks the rule.
     */
    static final Map<String, String> THIRD_PARTY_MODULES = Map.of("multiqc", "multiqc ");

    /** The check: for every module folder, exactly one class declares the command, and its test exists. */
    @Test
    void everyModuleFolderHasOneCommandClassAndItsTest() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> modules;
        try (Stream<Path> s = Files.list(ROOT.resolve("modules/local"))) {
            modules = s.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(modules.isEmpty(), "no module folders under modules/local");
        for (Path module : modules) {
            String folder = module.getFileName().toString();
            if (THIRD_PARTY_MODULES.containsKey(folder)) {
                String script = Files.readString(module.resolve("main.nf"));
                if (!script.contains(THIRD_PARTY_MODULES.get(folder))
                        || java.util.regex.Pattern.compile("(?m)^\\s*exprflow\\s").matcher(script).find()) {
                    problems.add(folder + ": listed as a third-party module, but its main.nf does not just run "
                            + THIRD_PARTY_MODULES.get(folder).trim());
                }
                continue;
            }
            String command = folder.replace('_', '-');
            List<Path> declaring = sourcesContaining(MAIN, "name = \"" + command + "\"");
            if (declaring.size() != 1) {
                problems.add(folder + ": " + declaring.size() + " classes declare name = \"" + command + "\": " + declaring);
                continue;
            }
            Path source = declaring.get(0);
            String expected = className(command);
            if (!source.getFileName().toString().equals(expected + ".java")) {
                problems.add(folder + ": implemented by " + source.getFileName() + ", expected " + expected + ".java");
            }
            Path test = TEST.resolve(MAIN.relativize(source)).resolveSibling(expected + "Test.java");
            if (!Files.isRegularFile(test)) {
                problems.add(folder + ": no " + TEST.relativize(test));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Every subcommand, with or without a module (bin, simulate, ...), follows the class and test rule. */
    @Test
    void everySubcommandIsItsCamelCaseCommandClassWithATest() {
        Map<String, picocli.CommandLine> subcommands = new TreeMap<>(Main.commandLine().getSubcommands());
        subcommands.remove("help");
        List<String> problems = new ArrayList<>();
        subcommands.forEach((name, cl) -> {
            Class<?> c = cl.getCommandSpec().userObject().getClass();
            if (!c.getSimpleName().equals(className(name))) {
                problems.add(name + ": implemented by " + c.getSimpleName() + ", expected " + className(name));
            }
            Path test = TEST.resolve(c.getName().replace('.', '/') + "Test.java");
            if (!Files.isRegularFile(test)) {
                problems.add(name + ": no " + TEST.relativize(test));
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void classNameRule() {
        assertEquals("LandmarkFitCommand", className("landmark-fit"));
        assertEquals("MultilabelCommand", className("multilabel"));
    }

    /** landmark-fit -> LandmarkFitCommand: each '-'-separated word capitalised, then "Command". */
    static String className(String command) {
        StringBuilder b = new StringBuilder();
        for (String word : command.split("-")) {
            b.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return b.append("Command").toString();
    }

    private static List<Path> sourcesContaining(Path dir, String text) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readString(p).contains(text);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sorted().toList();
        }
    }
}
