package org.exprflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The report's one rule for numbers people read. */
@Tag("unit")
class ReadableNumbersTest {

    @Test
    void scoresHaveThreeDecimals() {
        assertEquals("0.944", ReadableNumbers.score(0.94444444444));
        assertEquals("1.000", ReadableNumbers.score(1));
        assertEquals("0.000", ReadableNumbers.score(-0.0001));
        assertEquals("NA", ReadableNumbers.score(Double.NaN));
        assertEquals("[0.880, 1.000]", ReadableNumbers.interval(0.88, 1));
    }

    @Test
    void pValuesKeepTwoSignificantDigitsBelowOneThousandth() {
        assertEquals("0.048", ReadableNumbers.pValue(1.0 / 21));
        assertEquals("5.0e-04", ReadableNumbers.pValue(1.0 / 2001));
    }

    @Test
    void countsAreGroupedFromTenThousand() {
        assertEquals("7129", ReadableNumbers.count(7129));
        assertEquals("154,390", ReadableNumbers.count(154390));
        assertEquals("1,000,000", ReadableNumbers.count(1e6));
        assertEquals("NA", ReadableNumbers.count(Double.NaN));
    }

    @Test
    void otherQuantitiesHaveThreeSignificantDigits() {
        assertEquals("20", ReadableNumbers.quantity(20));
        assertEquals("16000", ReadableNumbers.quantity(16000));
        assertEquals("0.915", ReadableNumbers.quantity(0.914870947886));
        assertEquals("0.00175", ReadableNumbers.quantity(0.0017456406813));
        assertEquals("12.3", ReadableNumbers.quantity(12.3456));
        assertEquals("-0.5", ReadableNumbers.quantity(-0.5));
        assertEquals("1.23e+06", ReadableNumbers.quantity(1234567));
        assertEquals("1e-05", ReadableNumbers.quantity(0.00001));
        assertEquals("0", ReadableNumbers.quantity(0));
    }

    @Test
    void longDecimalsInAMessageAreRoundedAndIdsAndVersionsAreNot() {
        assertEquals("1 outlier sample(s): GSM7001017 (median mean correlation 0.915, MAD 0.00175, cut-off median - 5 MAD)",
                ReadableNumbers.inText("1 outlier sample(s): GSM7001017 (median mean correlation 0.914870947886, MAD "
                        + "0.0017456406813, cut-off median - 5 MAD)"));
        assertEquals("weka 3.8.6, p 0.05, id 200105_s_at, x1.23456", ReadableNumbers.inText("weka 3.8.6, p 0.05, id 200105_s_at, x1.23456"));
        assertEquals("overall 0.00115", ReadableNumbers.inText("overall 0.00115"));
    }
}
