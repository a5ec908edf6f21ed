package org.exprflow.landmark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.exprflow.data.TargetChunk;
import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.testing.SyntheticData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Sample split sizes, disjointness, seed and row-order independence; target chunks. */
@Tag("unit")
class SampleSplitTest {

    @Test
    void splitsBySizesDisjointlyAndIndependentlyOfRowOrder() {
        Dataset d = SyntheticData.classes(1, 50, 3, 0, 0, "a", "b");
        SampleSplit s = SampleSplit.of(d, SampleSplit.parseSizes("0.7,0.1,0.2"), 42);
        assertEquals(35, s.train().length);
        assertEquals(5, s.validation().length);
        assertEquals(10, s.test().length);
        TreeSet<Integer> all = new TreeSet<>();
        IntStream.of(s.train()).forEach(all::add);
        IntStream.of(s.validation()).forEach(all::add);
        IntStream.of(s.test()).forEach(all::add);
        assertEquals(50, all.size());

        Dataset shuffled = SyntheticData.shuffleRows(d, 3);
        SampleSplit t = SampleSplit.of(shuffled, SampleSplit.parseSizes("0.7,0.1,0.2"), 42);
        assertEquals(ids(d, s.test()), ids(shuffled, t.test()));
        assertEquals(ids(d, s.train()), ids(shuffled, t.train()));
        assertNotEquals(ids(d, s.test()), ids(d, SampleSplit.of(d, SampleSplit.parseSizes("0.7,0.1,0.2"), 43).test()));
    }

    @Test
    void refusesBadSizesInOneLine() {
        assertThrows(UserException.class, () -> SampleSplit.parseSizes("0.7,0.2"));
        assertThrows(UserException.class, () -> SampleSplit.parseSizes("0.7,0.2,0.2"));
        assertThrows(UserException.class, () -> SampleSplit.parseSizes("0.7,x,0.3"));
        Dataset tiny = SyntheticData.classes(1, 3, 3, 0, 0, "a");
        assertThrows(UserException.class, () -> SampleSplit.of(tiny, SampleSplit.parseSizes("0.7,0.1,0.2"), 1));
    }

    @Test
    void chunksCoverEveryTargetOnce() {
        for (int total : new int[] {1, 7, 40, 9520}) {
            for (int n = 1; n <= Math.min(total, 9); n++) {
                int next = 0;
                for (int k = 1; k <= n; k++) {
                    TargetChunk c = TargetChunk.parse(k + "/" + n);
                    assertEquals(next, c.from(total));
                    next = c.to(total);
                    int size = c.to(total) - c.from(total);
                    assertEquals(true, size == total / n || size == total / n + 1, "chunk sizes differ by at most one");
                }
                assertEquals(total, next);
            }
        }
        assertThrows(UserException.class, () -> TargetChunk.parse("5/4"));
        assertThrows(UserException.class, () -> TargetChunk.parse("0/4"));
        assertThrows(UserException.class, () -> TargetChunk.parse("2"));
        assertArrayEquals(new int[] {1, 4}, new int[] {TargetChunk.parse("1/4").index(), TargetChunk.parse("1/4").count()});
    }

    private static List<String> ids(Dataset d, int[] rows) {
        List<String> out = new ArrayList<>();
        Arrays.stream(rows).forEach(r -> out.add(d.sampleId(r)));
        return out;
    }
}
