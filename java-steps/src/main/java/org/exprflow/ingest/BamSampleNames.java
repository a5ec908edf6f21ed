package org.exprflow.ingest;

import java.util.ArrayList;
import java.util.List;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;

/**
 * Renames featureCounts' samples through a samplesheet whose file column names each sample's BAM:
 * a row matches a column when its file is the BAM path featureCounts recorded, or that path's file
 * name. Columns no row names keep the name taken from their BAM file.
 */
final class BamSampleNames {
    private BamSampleNames() {
    }

    static Dataset rename(Dataset data, Samplesheet sheet, String fileColumn) {
        List<String> bams = data.annotation(FeatureCountsReader.BAM_ANNOTATION);
        List<String> files = sheet.column(fileColumn);
        List<String> ids = new ArrayList<>(data.sampleIds());
        boolean[] renamed = new boolean[ids.size()];
        for (int r = 0; r < files.size(); r++) {
            String file = files.get(r) == null ? "" : files.get(r).strip();
            int match = -1;
            for (int s = 0; s < bams.size(); s++) {
                if (bams.get(s).equals(file) || fileName(bams.get(s)).equals(fileName(file))) {
                    match = s;
                    break;
                }
            }
            if (match < 0) {
                throw UserException.badLine(sheet.file(), sheet.lines().get(r), "BAM '" + file + "' of sample '"
                        + sheet.sampleIds().get(r) + "' is not a column of the featureCounts table");
            }
            if (renamed[match]) {
                throw UserException.badLine(sheet.file(), sheet.lines().get(r), "BAM '" + file + "' is named twice");
            }
            renamed[match] = true;
            ids.set(match, sheet.sampleIds().get(r));
        }
        if (ids.stream().distinct().count() != ids.size()) {
            throw UserException.badFile(sheet.file(), "renaming the BAM columns gives duplicate sample ids " + ids);
        }
        return data.withSampleIds(ids);
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }
}
