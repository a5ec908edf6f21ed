package org.exprflow.ingest;

import static org.exprflow.ingest.IngestFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.exprflow.core.UserException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class FormatDetectorTest {

    @Test
    void recognisesEachFixture() {
        assertEquals(InputFormat.CUMIDA, FormatDetector.detect(fixture("cumida_small.csv")));
        assertEquals(InputFormat.GEO_MATRIX, FormatDetector.detect(fixture("geo_series_small.txt")));
        assertEquals(InputFormat.GEO_SOFT, FormatDetector.detect(fixture("gse_family_small.soft")));
        assertEquals(InputFormat.GEO_SOFT, FormatDetector.detect(fixture("gds_small.soft")));
        assertEquals(InputFormat.GOLUB, FormatDetector.detect(fixture("golub_small.csv")));
        assertEquals(InputFormat.ARFF, FormatDetector.detect(fixture("dense_small.arff")));
        assertEquals(InputFormat.ARFF, FormatDetector.detect(fixture("sparse_small.arff")));
        assertEquals(InputFormat.TSV, FormatDetector.detect(fixture("matrix_small.tsv")));
        assertEquals(InputFormat.TSV, FormatDetector.detect(fixture("matrix_small.csv")));
    }

    @Test
    void recognisesSingleSampleSoftByItsFirstLine() {
        assertEquals(InputFormat.GEO_SOFT, FormatDetector.classify("^SAMPLE = GSM11805"));
        assertEquals(InputFormat.GEO_SOFT, FormatDetector.classify("^SERIES = GSE781"));
        assertEquals(InputFormat.CUMIDA, FormatDetector.classify("\"samples\",\"type\",\"1007_s_at\""));
    }

    @Test
    void looksThroughGzipWhateverTheFileName(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("no_extension");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(fixture("dense_small.arff")));
        }
        assertEquals(InputFormat.ARFF, FormatDetector.detect(gz));
    }

    @Test
    void anEmptyFileIsAnError(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "\n\n");
        UserException e = assertThrows(UserException.class, () -> FormatDetector.detect(empty));
        assertTrue(e.getMessage().endsWith("empty.csv: is empty"), e.getMessage());
    }
}
