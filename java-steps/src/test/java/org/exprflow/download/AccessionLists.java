package org.exprflow.download;

import java.nio.file.Path;

/** download's accession-list reader for the fuzz targets of org.exprflow.corpus (it is package-private). */
public final class AccessionLists {
    private AccessionLists() {
    }

    public static void read(Path path) {
        AccessionListReader.read(path);
    }
}
