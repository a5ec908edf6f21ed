package org.exprflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DecimalParserTest {

    private static void assertSameAsJdk(String text) {
        long expected = Double.doubleToRawLongBits(Double.parseDouble(text));
        long actual = Double.doubleToRawLongBits(DecimalParser.parse(text));
        assertEquals(expected, actual, () -> "'" + text + "': expected " + Double.parseDouble(text) + " got "
                + DecimalParser.parse(text));
    }

    @Test
    void randomPlainDecimalsAreBitIdenticalToDoubleParseDouble() {
        SplittableRandom random = new SplittableRandom(20240601);
        for (int i = 0; i < 300_000; i++) {
            // mixes short expression-like values with long mantissas that take the fallback path
            int digits = 1 + random.nextInt(19);
            int scale = random.nextInt(24);
            StringBuilder sb = new StringBuilder();
            if (random.nextBoolean()) {
                sb.append('-');
            }
            for (int d = 0; d < digits; d++) {
                sb.append((char) ('0' + random.nextInt(10)));
            }
            String unscaled = sb.toString();
            String text = new BigDecimal(new java.math.BigInteger(unscaled), scale).toPlainString();
            assertSameAsJdk(text);
        }
    }

    @Test
    void randomDoublesPrintedInManyStylesAreBitIdentical() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            double x = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12) - 4);
            assertSameAsJdk(Double.toString(x));
            assertSameAsJdk(String.format(Locale.ROOT, "%.4f", x));
            assertSameAsJdk(String.format(Locale.ROOT, "%.17g", x));
            assertSameAsJdk(String.format(Locale.ROOT, "%e", x));
        }
    }

    @Test
    void edgeCasesMatchTheJdk() {
        for (String s : new String[] {"0", "-0", "-0.0", "+1.5", ".5", "5.", "007.25", "0.000000000000000000001",
            "999999999999999", "9999999999999999", "123456789012345678", "1.7976931348623157e308", "4.9e-324",
            "0.1", "0.30000000000000004", "1e5", "1E-5", "-2.5e+3"}) {
            assertSameAsJdk(s);
        }
    }

    @Test
    void parsesInsideALineWithoutSubstrings() {
        String line = "a,  12.5 ,x";
        assertEquals(12.5, DecimalParser.parse(line, 2, 9));
    }

    @Test
    void missingSpellingsGiveNaN() {
        for (String s : new String[] {"", "  ", "NA", "NaN", "null", "?", "#N/A"}) {
            assertTrue(Double.isNaN(DecimalParser.parse(s)), s);
        }
    }

    @Test
    void rejectsWhatIsNotADecimalNumber() {
        for (String s : new String[] {"abc", "1.2.3", "--1", "1f", "0x10", "Infinity", "1e999", "12a", "1,5", "+"}) {
            assertThrows(NumberFormatException.class, () -> DecimalParser.parse(s), s);
        }
    }
}
