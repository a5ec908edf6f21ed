package org.exprflow.landmark;

import org.exprflow.core.UserException;

/**
 * Chunk K of N of the target list ("2/4"): a contiguous block of targets, the K-th of N blocks
 * whose sizes differ by at most one. Chunks depend only on the matched target list, so any N
 * covers every target exactly once and a chunk's targets do not change when other chunks fail.
 */
public record TargetChunk(int index, int count) {

    public static final TargetChunk ALL = new TargetChunk(1, 1);

    public static TargetChunk parse(String text) {
        String[] parts = text.strip().split("/");
        try {
            if (parts.length == 2) {
                int k = Integer.parseInt(parts[0].strip());
                int n = Integer.parseInt(parts[1].strip());
                if (n >= 1 && k >= 1 && k <= n) {
                    return new TargetChunk(k, n);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw UserException.badParameter("--targets-chunk must be K/N with 1 <= K <= N (e.g. 2/4), got '" + text + "'");
    }

    /** First (inclusive) and last (exclusive) position in a list of total targets. */
    public int from(int total) {
        return (int) ((long) (index - 1) * total / count);
    }

    public int to(int total) {
        return (int) ((long) index * total / count);
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
