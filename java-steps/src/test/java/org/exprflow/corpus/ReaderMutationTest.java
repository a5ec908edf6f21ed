package org.exprflow.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fuzz targets' contract in the unit tier, deterministically: each target's seeds and
 * {@link #MUTATIONS} seeded mutations of each (bit flips, byte changes, cuts, insertions, duplicated
 * and dropped chunks, a delimiter swapped), from a fixed {@link Random} seed. Jazzer's
 * coverage-guided search, which is not reproducible run to run, is bench/fuzz.sh's; whatever it finds
 * goes into the corpus. The seeds are also written to target/fuzz-seeds/&lt;target&gt;/ for it.
 */
@Tag("unit")
class ReaderMutationTest {
    static final int MUTATIONS = 100;
    static final long SEED = 20261204L;

    @TempDir
    Path dir;

    static Stream<String> targets() {
        return ReaderTargets.TARGETS.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void anyMutationOfASeedGivesAResultOrAUserError(String name) throws IOException {
        ReaderTargets.Target target = ReaderTargets.TARGETS.get(name);
        List<byte[]> seeds = ReaderTargets.seeds(target);
        Path seedDir = Path.of("target", "fuzz-seeds", name);
        Files.createDirectories(seedDir);
        Random random = new Random(SEED ^ name.hashCode());
        for (int s = 0; s < seeds.size(); s++) {
            Files.write(seedDir.resolve("seed" + s), seeds.get(s));
            ReaderTargets.check(target, seeds.get(s), dir);
            for (int m = 0; m < MUTATIONS; m++) {
                byte[] mutated = mutate(seeds.get(s), random);
                try {
                    ReaderTargets.check(target, mutated, dir);
                } catch (AssertionError e) {
                    Path kept = Files.write(Path.of("target", "fuzz-finding-" + name + "-" + s + "-" + m), mutated);
                    throw new AssertionError("seed " + s + ", mutation " + m + " (input kept in " + kept.toAbsolutePath() + "): "
                            + e.getMessage(), e);
                }
            }
        }
    }

    static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds; r++) {
            int n = b.length;
            int at = n == 0 ? 0 : random.nextInt(n);
            switch (random.nextInt(8)) {
                case 0 -> {
                    if (n > 0) {
                        b[at] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case 1 -> {
                    if (n > 0) {
                        String special = "\t,\n\r\"'0-.e9 NA{}@%!#^\0";
                        b[at] = (byte) special.charAt(random.nextInt(special.length()));
                    }
                }
                case 2 -> b = Arrays.copyOf(b, at);
                case 3 -> {
                    byte[] insert = new byte[1 + random.nextInt(8)];
                    random.nextBytes(insert);
                    b = splice(b, at, at, insert);
                }
                case 4 -> {
                    int len = n == 0 ? 0 : random.nextInt(Math.min(64, n - at) + 1);
                    b = splice(b, at, at, Arrays.copyOfRange(b, at, at + len));
                }
                case 5 -> {
                    int len = n == 0 ? 0 : random.nextInt(Math.min(64, n - at) + 1);
                    b = splice(b, at, at + len, new byte[0]);
                }
                case 6 -> {
                    for (int i = 0; i < b.length; i++) {
                        if (b[i] == '\t') {
                            b[i] = ',';
                        } else if (b[i] == ',') {
                            b[i] = '\t';
                        }
                    }
                }
                default -> {
                    // an interesting number in place of a byte run: the lengths and counts parsers trust
                    byte[] number = String.valueOf(new long[] {0, -1, Integer.MAX_VALUE, Long.MAX_VALUE, 99999999999L}[random.nextInt(5)])
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    b = splice(b, at, Math.min(n, at + number.length), number);
                }
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] out = new byte[b.length - (to - from) + insert.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(b, to, out, from + insert.length, b.length - to);
        return out;
    }
}
