# Usage: Rscript limma_normalize_quantiles.R IN.tsv OUT.tsv
# Writes limma::normalizeQuantiles(IN, ties = TRUE), the reference for QuantileNormalisation's
# applyToTraining.
args <- commandArgs(trailingOnly = TRUE)
source(file.path(dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))),
                 "matrix_io.R"))
suppressPackageStartupMessages(library(limma))
a <- read_matrix(args[1])
write_matrix(normalizeQuantiles(a, ties = TRUE), args[2])
