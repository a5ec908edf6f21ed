package org.exprflow.score;

import java.nio.file.Path;

/** score's table reader for the fuzz targets of org.exprflow.corpus (it is package-private). */
public final class ScoreReaders {
    private ScoreReaders() {
    }

    /** Detects delimiter and header and splits the table, as score does for each of its inputs. */
    public static void readTable(Path path) {
        DelimitedTable.read(path);
    }
}
