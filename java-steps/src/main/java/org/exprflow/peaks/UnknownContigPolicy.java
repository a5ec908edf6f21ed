package org.exprflow.peaks;

import org.exprflow.core.UserException;

/**
 * What to do with a peak or gene on a contig that the chromosome-sizes file does not list (alt,
 * random and unplaced scaffolds are common in ENCODE files, but a whole misnamed genome is a
 * mistake worth stopping for, hence the default).
 */
public enum UnknownContigPolicy {
    /** Stop with an error naming the file, line and contig. */
    ERROR,
    /** Drop the record and report how many were dropped. */
    SKIP;

    public static UnknownContigPolicy parse(String cliValue) {
        return switch (cliValue) {
            case "error" -> ERROR;
            case "skip" -> SKIP;
            default -> throw UserException.badParameter("--unknown-contigs must be 'error' or 'skip', not '" + cliValue + "'");
        };
    }
}
