# Usage: Rscript preprocesscore_use_target.R NEW.tsv TARGET.txt OUT.tsv
# Writes preprocessCore::normalize.quantiles.use.target(NEW, target), the reference for
# QuantileNormalisation's apply() on new samples. TARGET.txt holds one value per line.
args <- commandArgs(trailingOnly = TRUE)
source(file.path(dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))),
                 "matrix_io.R"))
suppressPackageStartupMessages(library(preprocessCore))
x <- read_matrix(args[1])
target <- as.numeric(readLines(args[2]))
write_matrix(normalize.quantiles.use.target(x, target), args[3])
