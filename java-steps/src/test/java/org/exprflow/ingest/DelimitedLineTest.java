package org.exprflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.exprflow.io.Fields;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DelimitedLineTest {

    private static List<String> cells(DelimitedLine d) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            out.add(d.text(i));
        }
        return out;
    }

    @Test
    void splitsLikeFieldsSplitOnRandomQuotedLines() {
        // the in-place scanner must agree with the shared CSV splitter on every line, quoted or not
        SplittableRandom random = new SplittableRandom(11);
        String alphabet = "ab1.,\"\t ";
        DelimitedLine comma = new DelimitedLine(',');
        DelimitedLine tab = new DelimitedLine('\t');
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(12);
            for (int k = 0; k < len; k++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String line = sb.toString();
            assertEquals(Fields.split(line, ','), cells(comma.reset(line)), line);
            assertEquals(Fields.split(line, '\t'), cells(tab.reset(line)), line);
        }
    }

    @Test
    void parsesNumbersInsideQuotesAndEscapedCells() {
        DelimitedLine d = new DelimitedLine(',').reset("\"GSM1\",\"1.5\",2,,\"say \"\"hi\"\"\"");
        assertEquals(5, d.size());
        assertEquals("GSM1", d.text(0));
        assertEquals(1.5, d.number(1));
        assertEquals(2.0, d.number(2));
        assertEquals(Double.NaN, d.number(3));
        assertEquals("say \"hi\"", d.text(4));
    }
}
