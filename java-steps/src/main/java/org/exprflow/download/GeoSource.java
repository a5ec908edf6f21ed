package org.exprflow.download;

import java.util.ArrayList;
import java.util.List;

/**
 * GEO series files, at the layout of the NCBI GEO FTP/HTTPS site (and of any mirror of it):
 * {@code <base>/series/GSE9nnn/GSE9476/matrix/GSE9476_series_matrix.txt.gz} and
 * {@code <base>/series/GSE9nnn/GSE9476/soft/GSE9476_family.soft.gz}.
 *
 * <p>A multi-platform series has one matrix per platform (GSE781-GPL96_series_matrix.txt.gz). No
 * directory listing is read to find them (listings differ between mirrors and file:// has none):
 * the user asks for GSE781-GPL96 and gets that platform's matrix; the family SOFT file covers all
 * platforms and is named after the series.
 */
final class GeoSource {
    static final String MATRIX_KIND = "geo-series-matrix";
    static final String SOFT_KIND = "geo-family-soft";

    private final BaseUrl base;
    private final boolean familySoft;

    GeoSource(BaseUrl base, boolean familySoft) {
        this.base = base;
        this.familySoft = familySoft;
    }

    List<RemoteFile> files(Accession accession) {
        String series = accession.series();
        String dir = "series/" + rangeDirectory(series) + "/" + series + "/";
        List<RemoteFile> out = new ArrayList<>();
        String matrix = LocalFileName.check(accession.id(), accession.id() + "_series_matrix.txt.gz");
        out.add(new RemoteFile(accession.id(), accession.id(), MATRIX_KIND, matrix,
                base.resolve(dir + "matrix/" + matrix), base.uri(), -1, null));
        if (familySoft) {
            String soft = LocalFileName.check(accession.id(), series + "_family.soft.gz");
            out.add(new RemoteFile(accession.id(), series, SOFT_KIND, soft,
                    base.resolve(dir + "soft/" + soft), base.uri(), -1, null));
        }
        return out;
    }

    /** GEO groups series by thousands: the accession with its last three digits replaced by "nnn". */
    static String rangeDirectory(String series) {
        String digits = series.substring(3);
        return "GSE" + (digits.length() <= 3 ? "" : digits.substring(0, digits.length() - 3)) + "nnn";
    }
}
