package org.exprflow.simulate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.exprflow.core.UserException;

/** The formats the simulator writes, under the names that 'exprflow import --format' uses. */
enum OutputFormat {
    CUMIDA("cumida"),
    GEO_MATRIX("geo-matrix"),
    GEO_SOFT("geo-soft"),
    GOLUB("golub"),
    ARFF("arff"),
    TSV("tsv");

    final String cliName;

    OutputFormat(String cliName) {
        this.cliName = cliName;
    }

    static OutputFormat fromCliName(String name) {
        for (OutputFormat f : values()) {
            if (f.cliName.equals(name.trim())) {
                return f;
            }
        }
        throw UserException.badParameter("unknown format '" + name + "' in --formats; expected one of "
                + Arrays.stream(values()).map(f -> f.cliName).collect(Collectors.joining(",")));
    }

    void write(SimulatedStudy study, Path dir, long seed) throws IOException {
        switch (this) {
            case CUMIDA -> CumidaCsvWriter.write(study, dir);
            case GEO_MATRIX -> GeoSeriesMatrixWriter.write(study, dir);
            case GEO_SOFT -> GeoFamilySoftWriter.write(study, dir);
            case GOLUB -> GolubCsvWriter.write(study, dir, seed);
            case ARFF -> ArffWriter.write(study, dir);
            case TSV -> TsvMatrixWriter.write(study, dir);
        }
    }
}
