package org.exprflow.normalise;

/** Shape checks shared by the transforms of this package (rows are samples, columns are features). */
final class Matrices {
    private Matrices() {
    }

    /**
     * Returns the common row length. Ragged rows are a bug in the caller (a Dataset is always
     * rectangular), so they raise IllegalArgumentException rather than a user error.
     */
    static int requireRectangular(double[][] rows, String what) {
        if (rows.length == 0) {
            return 0;
        }
        int n = rows[0].length;
        for (int i = 1; i < rows.length; i++) {
            if (rows[i].length != n) {
                throw new IllegalArgumentException(what + ": row " + i + " has " + rows[i].length
                        + " values, row 0 has " + n);
            }
        }
        return n;
    }
}
