package org.exprflow.count;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exprflow.io.TextInput;

import htsjdk.samtools.util.Interval;

/**
 * Genes of a GTF as featureCounts' meta-features: the {@code exon} lines grouped by
 * {@code gene_id}, a read counting for a gene when it overlaps any of its exons (so overlapping
 * exons of one gene count once, as their union would). Genes are in order of first appearance.
 * Hand-written because htsjdk 4 has codecs for GFF3 only, not GTF; the peaks code's
 * {@code GeneAnnotationReader} reads {@code gene} lines, not exons.
 */
final class GtfGenes {
    private static final Pattern ATTRIBUTE = Pattern.compile("(?:^|;)\\s*([A-Za-z0-9_]+)\\s+\"?([^\";]*)\"?");

    private GtfGenes() {
    }

    static IntervalFeatures read(Path path, String featureType, String idAttribute) {
        Map<String, Integer> genes = new LinkedHashMap<>();
        List<Interval> exons = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        try (TextInput in = TextInput.open(path)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 9) {
                    throw in.error("expected 9 tab-separated GTF columns, found " + f.length);
                }
                if (!f[2].equals(featureType)) {
                    continue;
                }
                int start;
                int end;
                try {
                    start = Integer.parseInt(f[3]);
                    end = Integer.parseInt(f[4]);
                } catch (NumberFormatException e) {
                    throw in.error("start '" + f[3] + "' or end '" + f[4] + "' is not an integer");
                }
                if (start < 1 || end < start) {
                    throw in.error("bad interval " + f[3] + "-" + f[4] + " (GTF is 1-based, closed)");
                }
                String gene = attribute(f[8], idAttribute);
                if (gene == null) {
                    throw in.error(featureType + " line without a " + idAttribute + " attribute");
                }
                Integer index = genes.computeIfAbsent(gene, g -> genes.size());
                exons.add(new Interval(f[0], start, end));
                owners.add(index);
            }
        }
        if (genes.isEmpty()) {
            throw org.exprflow.core.UserException.badFile(path, "no '" + featureType + "' lines with " + idAttribute);
        }
        return new IntervalFeatures(new ArrayList<>(genes.keySet()), false, exons,
                owners.stream().mapToInt(Integer::intValue).toArray());
    }

    private static String attribute(String attributes, String name) {
        Matcher m = ATTRIBUTE.matcher(attributes);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        return null;
    }
}
