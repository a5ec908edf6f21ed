package org.exprflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI's scaled-down run of the landmark benchmark (bench/landmark.sh; the D-GEX scale is 9,520
 * targets, recorded in bench/landmark-RESULTS.md): 1,000 simulated samples x 978 landmarks, 200
 * targets with the default learners (ridge:auto, linear) in 4 chunks, 2 at a time. The script must report wall
 * time, CPU time and peak memory per chunk and in total, and the gathered D-GEX table must cover
 * all 200 targets. The figures are printed for the CI log, not compared with a threshold: speed is
 * judged from the benchmark's own records, not by a timed test.
 */
@Tag("pipeline")
class LandmarkBenchmarkIT {
    private static final Pattern CHUNK = Pattern.compile("^(\\d)/4\\s+([0-9.]+)\\s+([0-9.]+)\\s+(\\d+)$");
    private static final Pattern TOTAL = Pattern.compile("^total\\s+([0-9.]+)\\s+([0-9.]+)\\s+(\\d+)\\s+\\(wall: .*");

    @TempDir
    Path work;

    @Test
    void scaledDownBenchmarkReportsTimeAndMemoryPerChunkAndInTotal() throws Exception {
        Path script = TestEnvironment.projectDir().resolve("bench/landmark.sh");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "1000", "200", "4", "2").redirectErrorStream(true);
        pb.environment().put("BENCH_WORK", work.toString());
        String jar = System.getProperty("exprflow.jar");
        if (jar != null) {
            pb.environment().put("EXPRFLOW_JAR", jar);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        System.out.println(out);

        List<String> chunks = new ArrayList<>();
        double cpuSum = 0;
        long maxRss = 0;
        Matcher total = null;
        for (String line : out.split("\n")) {
            Matcher m = CHUNK.matcher(line.strip());
            if (m.matches()) {
                chunks.add(m.group(1));
                assertTrue(Double.parseDouble(m.group(2)) > 0 && Double.parseDouble(m.group(3)) > 0, line);
                cpuSum += Double.parseDouble(m.group(3));
                maxRss = Math.max(maxRss, Long.parseLong(m.group(4)));
            }
            Matcher t = TOTAL.matcher(line.strip());
            if (t.matches()) {
                total = t;
            }
        }
        assertEquals(List.of("1", "2", "3", "4"), chunks, out);
        assertTrue(total != null, "a total line: " + out);
        assertEquals(cpuSum, Double.parseDouble(total.group(2)), 0.2, "total CPU is the sum of the chunks'");
        assertEquals(maxRss, Long.parseLong(total.group(3)), "total memory is the largest chunk's");
        assertTrue(maxRss > 0 && maxRss < 2048, "peak RSS per chunk in MB: " + maxRss);

        // The gathered D-GEX table covers every target, for the learner and the mean baseline.
        List<String> summary = Files.readAllLines(work.resolve("summary.tsv"));
        assertTrue(summary.stream().anyMatch(l -> l.startsWith("test\tall\tlinear\tlinear\t200\t")), String.join("\n", summary));
        assertTrue(summary.stream().anyMatch(l -> l.startsWith("test\tall\tmean\tlinear\t200\t")), String.join("\n", summary));
        // The default learner, ridge with λ tuned on the validation samples, beats the mean on the
        // test samples, where least squares (1,000 samples for 978 landmarks) does not (issue 13).
        double tuned = testMae(summary, "ridge:auto");
        double mean = testMae(summary, "mean");
        System.out.println("test MAE: ridge:auto " + tuned + ", mean " + mean + ", linear " + testMae(summary, "linear"));
        assertTrue(tuned < mean, "ridge:auto test MAE " + tuned + " must be below the mean's " + mean);
    }

    /** mae_mean of the learner's all-targets test line of the D-GEX table. */
    private static double testMae(List<String> summary, String learner) {
        String line = summary.stream().filter(l -> l.startsWith("test\tall\t" + learner + "\t")).findFirst()
                .orElseThrow(() -> new AssertionError("no test line for " + learner + ": " + summary));
        return Double.parseDouble(line.split("\t")[5]);
    }
}
