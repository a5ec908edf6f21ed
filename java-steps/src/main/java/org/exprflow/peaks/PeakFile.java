package org.exprflow.peaks;

/** A peak file after reading: its sorted peaks and what reading it did. */
public record PeakFile(String sample, PeakSet peaks, PeakReadSummary summary) {
}
