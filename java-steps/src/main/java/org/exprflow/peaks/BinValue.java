package org.exprflow.peaks;

import java.util.Arrays;

import org.exprflow.core.UserException;

/** What a bin holds for one sample. */
public enum BinValue {
    /** 1 if any peak overlaps the bin, else 0. */
    BINARY("binary"),
    /** Number of peaks overlapping the bin by at least 1 bp (bedtools intersect -c). */
    COUNT("count"),
    /** Highest score (BED column 5) of the overlapping peaks. */
    MAX_SCORE("max-score"),
    /** Sum of signalValue (narrowPeak/broadPeak column 7) of the overlapping peaks. */
    SIGNAL("signal"),
    /** Bases of the bin covered by at least one peak (overlapping peaks are merged first). */
    COVERAGE("coverage");

    public final String cliName;

    BinValue(String cliName) {
        this.cliName = cliName;
    }

    public static BinValue fromCliName(String name) {
        for (BinValue v : values()) {
            if (v.cliName.equals(name)) {
                return v;
            }
        }
        throw UserException.badParameter("--value must be one of "
                + Arrays.stream(values()).map(v -> v.cliName).toList() + ", not '" + name + "'");
    }
}
