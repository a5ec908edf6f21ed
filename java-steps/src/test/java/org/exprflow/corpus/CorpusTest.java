package org.exprflow.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.testing.Cli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus (docs/architecture.md, "The input corpus"): every case of
 * {@code src/test/resources/corpus/<reader>/cases.tsv} run through the real command line, as a
 * user would run it. A refusal must be exactly one line {@code <step>: error: ...} that matches the
 * case's pattern (and, for exit 3, names the file), with the case's exit code, no stack trace, and
 * nothing left behind: no output under a final name, no temporary file. An acceptance must exit 0
 * and pass the case's checks of the result.
 */
@Tag("unit")
class CorpusTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(in|dir|out|file|fixture|gen)(?::([^{}]*(?:\\{[^{}]*\\}[^{}]*)*))?\\}");

    @TempDir
    Path dir;

    static Path root() {
        try {
            return Path.of(CorpusTest.class.getResource("/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<CorpusCase> cases() {
        return CorpusCase.all(root()).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void behaves(CorpusCase c) throws IOException {
        run(c, dir);
    }

    /** What a run made: the output paths in order, and the expanded patterns' quoted paths. */
    private record Ran(List<Path> outputs, Cli.Result result) {
    }

    private Ran run(CorpusCase c, Path caseDir) throws IOException {
        Files.createDirectories(caseDir);
        Map<String, String> quoted = new LinkedHashMap<>();
        List<Path> outputs = new ArrayList<>();
        List<Path> inputs = new ArrayList<>();
        CorpusInputs gen = new CorpusInputs(c.readerDir());
        Path in = null;
        if (!c.input().isBlank() && !c.input().equals("-")) {
            in = materialise(gen, c.input(), c.name(), caseDir);
            inputs.add(in);
        }
        List<String> args = new ArrayList<>(List.of("--quiet"));
        int[] generated = {0};
        for (String token : c.tokens()) {
            args.add(expand(token, c, caseDir, in, gen, quoted, outputs, inputs, generated));
        }
        String expect = expandPattern(c.expect(), c, caseDir, in, gen, quoted, outputs, inputs, generated);
        Set<Path> before = listing(caseDir);

        Cli.Result r = Cli.run(args.toArray(String[]::new));
        String context = c.id() + " (" + c.readerDir().resolve("cases.tsv") + ":" + c.line() + ")\n  args: "
                + String.join(" ", args) + "\n  exit " + r.exitCode() + ", stderr:\n" + r.stderr();

        assertFalse(r.stderr().contains("\tat ") || r.stderr().contains("internal error"), "stack trace: " + context);
        assertEquals(c.exit(), r.exitCode(), "exit code: " + context);
        if (c.exit() != 0) {
            // warnings logged before the error ("[step] WARNING: ...") are not part of it
            List<String> lines = r.errorLines().stream().filter(l -> !l.startsWith("[")).toList();
            assertEquals(1, lines.size(), "one error line: " + context);
            String step = args.get(1);
            assertTrue(lines.get(0).startsWith(step + ": error: "), "starts with '" + step + ": error: ': " + context);
            assertTrue(Pattern.compile(expect).matcher(lines.get(0)).find(), "matches /" + expect + "/: " + context);
            if (c.exit() == 3) {
                // an input of the case, or a path under its folder (a missing file, a cache)
                assertTrue(lines.get(0).contains(caseDir.toString()), "a bad-input message names the file: " + context);
            }
            for (Path o : outputs) {
                assertFalse(Files.exists(o) && !before.contains(o), "no output under a final name after a refusal: " + o + "\n" + context);
            }
            Set<Path> after = listing(caseDir);
            after.removeAll(before);
            assertTrue(after.isEmpty(), "nothing left behind after a refusal, found " + after + "\n" + context);
        } else {
            try (Stream<Path> all = Files.walk(caseDir)) {
                List<Path> partial = all.filter(p -> p.getFileName().toString().contains(".partial-")).toList();
                assertTrue(partial.isEmpty(), "temporary files left: " + partial + "\n" + context);
            }
            for (Path o : outputs) {
                assertTrue(Files.exists(o), "output written: " + o + "\n" + context);
            }
            check(c, expect, outputs, r, caseDir, context);
        }
        return new Ran(outputs, r);
    }

    private Path materialise(CorpusInputs gen, String expression, String name, Path caseDir) throws IOException {
        CorpusInputs.Made made = gen.make(expression);
        String file = name.contains(".") ? name : name + made.extension();
        Path p = caseDir.resolve(file);
        Files.createDirectories(p.getParent());
        return Files.write(p, made.bytes());
    }

    private String expand(String token, CorpusCase c, Path caseDir, Path in, CorpusInputs gen, Map<String, String> quoted,
                          List<Path> outputs, List<Path> inputs, int[] generated) throws IOException {
        Matcher m = PLACEHOLDER.matcher(token);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = resolve(m.group(1), m.group(2), c, caseDir, in, gen, quoted, outputs, inputs, generated);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String expandPattern(String pattern, CorpusCase c, Path caseDir, Path in, CorpusInputs gen, Map<String, String> quoted,
                                 List<Path> outputs, List<Path> inputs, int[] generated) throws IOException {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(0);
            String value = quoted.containsKey(key) ? quoted.get(key)
                    : resolve(m.group(1), m.group(2), c, caseDir, in, gen, quoted, outputs, inputs, generated);
            m.appendReplacement(out, Matcher.quoteReplacement(Pattern.quote(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String resolve(String kind, String arg, CorpusCase c, Path caseDir, Path in, CorpusInputs gen,
                           Map<String, String> seen, List<Path> outputs, List<Path> inputs, int[] generated) throws IOException {
        String key = "{" + kind + (arg == null ? "" : ":" + arg) + "}";
        if (seen.containsKey(key)) {
            return seen.get(key);
        }
        Path p = switch (kind) {
            case "in" -> {
                if (in == null) {
                    throw new IllegalArgumentException(c.id() + ": {in} without an input");
                }
                yield in;
            }
            case "dir" -> caseDir;
            case "out" -> {
                Path o = caseDir.resolve(arg);
                outputs.add(o);
                yield o;
            }
            case "file" -> {
                Path f = caseDir.resolve(Path.of(arg).getFileName().toString());
                Files.copy(c.readerDir().resolve(arg), f);
                inputs.add(f);
                yield f;
            }
            case "fixture" -> {
                Path f = caseDir.resolve(Path.of(arg).getFileName().toString());
                Files.copy(CorpusFixtures.get(arg), f);
                inputs.add(f);
                yield f;
            }
            case "gen" -> {
                Path f = materialise(gen, arg, "gen" + (++generated[0]), caseDir);
                inputs.add(f);
                yield f;
            }
            default -> throw new IllegalArgumentException(kind);
        };
        seen.put(key, p.toString());
        return p.toString();
    }

    private static Set<Path> listing(Path d) throws IOException {
        try (Stream<Path> all = Files.walk(d)) {
            return all.filter(p -> !p.equals(d)).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /**
     * Checks of an accepted case, separated by ';': {@code samples=N}, {@code features=N},
     * {@code labels=A,B,..} (the first target, NA for none), {@code sample-ids=..}, {@code feature-ids=..}
     * of a dataset output, {@code label1=TEXT} (its first label, commas allowed); {@code contains=TEXT} and {@code lines=N} of the first output (gunzipped);
     * {@code stderr=REGEX}; {@code same-as=CASE}: the first output has the bytes of that case's
     * first output (e.g. a file with a byte-order mark reads as the same file without it).
     */
    private void check(CorpusCase c, String expect, List<Path> outputs, Cli.Result r, Path caseDir, String context) throws IOException {
        for (String check : expect.split(";")) {
            check = check.strip();
            if (check.isEmpty() || check.equals("-")) {
                continue;
            }
            int eq = check.indexOf('=');
            String key = eq < 0 ? check : check.substring(0, eq);
            String value = eq < 0 ? "" : check.substring(eq + 1);
            switch (key) {
                case "samples" -> assertEquals(Integer.parseInt(value), dataset(outputs).sampleCount(), context);
                case "features" -> assertEquals(Integer.parseInt(value), dataset(outputs).featureCount(), context);
                case "sample-ids" -> assertEquals(Arrays.asList(value.split(",")), dataset(outputs).sampleIds(), context);
                case "feature-ids" -> assertEquals(Arrays.asList(value.split(",")), dataset(outputs).featureIds(), context);
                case "labels" -> {
                    Dataset d = dataset(outputs);
                    List<String> got = d.targets().isEmpty() ? List.of()
                            : d.primaryTarget().labels().stream().map(l -> l == null ? "NA" : l).toList();
                    assertEquals(Arrays.asList(value.split(",")), got, context);
                }
                case "label1" -> assertEquals(value, dataset(outputs).primaryTarget().labels().get(0), context);
                case "contains" -> assertTrue(text(outputs.get(0)).contains(value.replace("\\t", "\t")),
                        "output contains '" + value + "': " + text(outputs.get(0)) + "\n" + context);
                case "lines" -> assertEquals(Integer.parseInt(value), text(outputs.get(0)).lines().count(), context);
                case "stderr" -> assertTrue(Pattern.compile(value).matcher(r.stderr()).find(), "stderr /" + value + "/: " + context);
                case "same-as" -> {
                    CorpusCase other = CorpusCase.all(root()).stream().filter(o -> o.reader().equals(c.reader()) && o.name().equals(value))
                            .findFirst().orElseThrow(() -> new AssertionError("no case " + value + " in " + c.reader()));
                    Ran ran = run(other, caseDir.resolve("same-as-" + value));
                    assertArrayEquals(Files.readAllBytes(ran.outputs().get(0)), Files.readAllBytes(outputs.get(0)),
                            "same result as " + value + ": " + context);
                }
                default -> fail("unknown check '" + check + "' in " + context);
            }
        }
    }

    private static Dataset dataset(List<Path> outputs) {
        return DatasetFile.read(outputs.stream().filter(p -> p.toString().endsWith(".xfd")).findFirst()
                .orElseThrow(() -> new AssertionError("no .xfd output")));
    }

    private static String text(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] b = in.readAllBytes();
            if (b.length > 1 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
                b = new GZIPInputStream(new java.io.ByteArrayInputStream(b)).readAllBytes();
            }
            return new String(b, StandardCharsets.UTF_8);
        }
    }
}
