package org.exprflow.count;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.testing.TestEnvironment;

/**
 * Runs bedtools multicov, featureCounts and samtools for the count equality tests, and reads their
 * outputs and exprflow's count table into one shape: feature id -> counts per sample, in file order.
 */
final class ReferenceTools {
    private ReferenceTools() {
    }

    /** Runs a tool found on PATH; stdout to the file (or discarded); fails the test on a non-zero exit. */
    static void run(Path stdout, String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(TestEnvironment.tool(tool).toString());
        command.addAll(List.of(args));
        Path err = Files.createTempFile(tool, ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile());
        pb.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
        int code = pb.start().waitFor();
        String message = Files.readString(err, StandardCharsets.UTF_8);
        Files.deleteIfExists(err);
        assertEquals(0, code, tool + " " + String.join(" ", args) + " failed: " + message);
    }

    /** bedtools multicov output: the BED's first three columns, then one count per BAM. */
    static Map<String, List<Long>> multicov(Path tmp, Path bed, List<String> flags, Path... bams) throws Exception {
        List<String> args = new ArrayList<>(List.of("multicov"));
        args.addAll(flags);
        args.add("-bams");
        for (Path b : bams) {
            args.add(b.toString());
        }
        args.addAll(List.of("-bed", bed.toString()));
        Path out = tmp.resolve("multicov.txt");
        run(out, "bedtools", args.toArray(String[]::new));
        int bedColumns = Files.readAllLines(bed).stream().filter(l -> !l.startsWith("#")).findFirst().orElseThrow().split("\t").length;
        Map<String, List<Long>> table = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out)) {
            String[] f = line.split("\t");
            List<Long> counts = new ArrayList<>();
            for (int i = bedColumns; i < f.length; i++) {
                counts.add(Long.parseLong(f[i]));
            }
            table.put(f[0] + ":" + f[1] + "-" + f[2], counts);
        }
        return table;
    }

    /** featureCounts' table: Geneid, Chr, Start, End, Strand, Length, one count per BAM (single thread). */
    static Map<String, List<Long>> featureCounts(Path tmp, List<String> flags, Path... bams) throws Exception {
        Path out = tmp.resolve("featurecounts.txt");
        List<String> args = new ArrayList<>(List.of("-T", "1"));
        args.addAll(flags);
        args.addAll(List.of("-o", out.toString()));
        for (Path b : bams) {
            args.add(b.toString());
        }
        run(null, "featureCounts", args.toArray(String[]::new));
        Map<String, List<Long>> table = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out)) {
            if (line.startsWith("#") || line.startsWith("Geneid\t")) {
                continue;
            }
            String[] f = line.split("\t");
            List<Long> counts = new ArrayList<>();
            for (int i = 6; i < f.length; i++) {
                counts.add(Long.parseLong(f[i]));
            }
            table.put(f[0], counts);
        }
        return table;
    }

    /** exprflow count's table. */
    static Map<String, List<Long>> countTable(Path file) throws IOException {
        Map<String, List<Long>> table = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file);
        assertEquals(CountTableWriter.CORNER, lines.get(0).split("\t")[0]);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            List<Long> counts = new ArrayList<>();
            for (int i = 1; i < f.length; i++) {
                counts.add(Long.parseLong(f[i]));
            }
            table.put(f[0], counts);
        }
        return table;
    }

    /** The same BAM without supplementary alignments (samtools view -F 0x800), indexed. */
    static Path withoutSupplementary(Path bam, Path target) throws Exception {
        run(null, "samtools", "view", "-b", "-F", "0x800", "-o", target.toString(), bam.toString());
        run(null, "samtools", "index", target.toString());
        return target;
    }
}
