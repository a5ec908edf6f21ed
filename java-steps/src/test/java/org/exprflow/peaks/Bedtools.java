package org.exprflow.peaks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.ArrayList;

import org.exprflow.io.TextInput;
import org.exprflow.testing.TestEnvironment;

/**
 * Runs bedtools for the equality tests and reads both sides into the same shape: per sample, the
 * non-zero windows as "chrom:start-end" -> value.
 */
final class Bedtools {
    private Bedtools() {
    }

    /** Runs bedtools with the arguments; stdout goes to the file; fails the test on a non-zero exit. */
    static void run(Path stdout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(TestEnvironment.tool("bedtools").toString());
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile("bedtools", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        int code = p.waitFor();
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        Files.deleteIfExists(stderr);
        assertEquals(0, code, "bedtools " + String.join(" ", args) + " failed: " + err);
    }

    /**
     * Reads bedtools output whose first three columns are the window and whose column
     * {@code valueColumn} (0-based) is the value; keeps non-zero windows.
     */
    static Map<String, Double> readWindows(Path file, int valueColumn) {
        Map<String, Double> out = new TreeMap<>();
        try (TextInput in = TextInput.open(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.endsWith("\t0")) {
                    continue; // most genome-wide windows are empty: skip them without splitting
                }
                String[] f = line.split("\t");
                double v = Double.parseDouble(f[valueColumn]);
                if (v != 0) {
                    out.put(f[0] + ":" + f[1] + "-" + f[2], v);
                }
            }
        }
        return out;
    }

    /** Reads an exprflow bin table into sample -> (window -> value). */
    static Map<String, Map<String, Double>> readBinTable(Path file) {
        Map<String, Map<String, Double>> out = new TreeMap<>();
        try (TextInput in = TextInput.open(file)) {
            assertEquals(BinTableWriter.HEADER, in.readLine());
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t");
                out.computeIfAbsent(f[3], k -> new TreeMap<>()).put(f[0] + ":" + f[1] + "-" + f[2], Double.parseDouble(f[4]));
            }
        }
        return out;
    }
}
