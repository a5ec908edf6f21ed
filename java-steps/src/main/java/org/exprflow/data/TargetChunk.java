package org.exprflow.data;

import java.util.List;

import org.exprflow.core.UserException;

/**
 * Chunk K of N (1-based, "2/4") of a list of targets, so that parallel tasks each fit a share of
 * them (peak regions' genes, landmark targets): a contiguous block, the K-th of N blocks whose sizes
 * differ by at most one. Chunks depend only on the list, so the union of chunks 1..N is the whole
 * list, in order, whatever N is, and a chunk's targets do not change when other chunks fail.
 */
public record TargetChunk(int index, int count) {

    public static final TargetChunk ALL = new TargetChunk(1, 1);

    /** Parses "K/N" (null: the whole list). */
    public static TargetChunk parse(String text) {
        if (text == null) {
            return ALL;
        }
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

    /** First (inclusive) position of this chunk in a list of total targets. */
    public int from(int total) {
        return (int) ((long) (index - 1) * total / count);
    }

    /** Last (exclusive) position of this chunk in a list of total targets. */
    public int to(int total) {
        return (int) ((long) index * total / count);
    }

    /** This chunk's part of the list. */
    public <T> List<T> of(List<T> all) {
        return all.subList(from(all.size()), to(all.size()));
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
