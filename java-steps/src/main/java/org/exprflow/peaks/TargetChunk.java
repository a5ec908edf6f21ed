package org.exprflow.peaks;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exprflow.core.UserException;

/**
 * Chunk K of N (1-based) of a list of genes, so parallel tasks can each write the targets of a
 * share of a region's genes. Chunks are contiguous and differ in size by at most one; the union of
 * chunks 1..N is the whole list, in order, whatever N is.
 */
public record TargetChunk(int index, int count) {
    private static final Pattern SPEC = Pattern.compile("(\\d+)/(\\d+)");
    public static final TargetChunk ALL = new TargetChunk(1, 1);

    public static TargetChunk parse(String spec) {
        if (spec == null) {
            return ALL;
        }
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            throw UserException.badParameter("--targets-chunk must look like 3/10, not '" + spec + "'");
        }
        int k = Integer.parseInt(m.group(1));
        int n = Integer.parseInt(m.group(2));
        if (n < 1 || k < 1 || k > n) {
            throw UserException.badParameter("--targets-chunk " + spec + ": need 1 <= K <= N");
        }
        return new TargetChunk(k, n);
    }

    public <T> List<T> of(List<T> all) {
        int from = (int) ((long) (index - 1) * all.size() / count);
        int to = (int) ((long) index * all.size() / count);
        return all.subList(from, to);
    }
}
