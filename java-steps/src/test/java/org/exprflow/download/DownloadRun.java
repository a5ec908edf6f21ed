package org.exprflow.download;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.exprflow.testing.Cli;
import org.exprflow.testing.TestEnvironment;

/** Runs 'exprflow download' in-process with fast retry settings, and inspects what it left behind. */
final class DownloadRun {
    private DownloadRun() {
    }

    /** Fast retry settings, each used unless the test gives that option itself. */
    private static final List<List<String>> FAST = List.of(List.of("--retries", "3"), List.of("--backoff-ms", "1"),
            List.of("--backoff-max-ms", "5"), List.of("--timeout-ms", "2000"));

    /** Retries quickly and times out after two seconds, so fault tests stay fast. */
    static Cli.Result run(Path outputDir, String... args) {
        List<String> given = Arrays.asList(args);
        List<String> all = new ArrayList<>(List.of("download", "--output-dir", outputDir.toString()));
        for (List<String> option : FAST) {
            if (!given.contains(option.get(0))) {
                all.addAll(option);
            }
        }
        all.addAll(given);
        return Cli.run(all.toArray(String[]::new));
    }

    /** Every file name in the directory, hidden and temporary ones included; empty when it does not exist. */
    static List<String> listing(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static Path fixture(String name) {
        return TestEnvironment.projectDir().resolve("test-data/fixtures/download").resolve(name);
    }

    static byte[] fixtureBytes(String name) throws IOException {
        return Files.readAllBytes(fixture(name));
    }

    /** Deterministic pseudo-random content of the given size. */
    static byte[] content(int size, long seed) {
        byte[] b = new byte[size];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    static String md5(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
