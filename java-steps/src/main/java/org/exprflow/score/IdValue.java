package org.exprflow.score;

/**
 * One data row of a predictions or measurements table: the id after version stripping, the id as
 * written (for error messages), the value (NaN for NA) and the 1-based line it came from.
 */
record IdValue(String id, String writtenId, double value, long line) {
}
