# Usage: Rscript quantile_generate.R OUTDIR [GENES] [SAMPLES]
# Writes the seeded benchmark matrix (genes x samples) as OUTDIR/matrix.rds for R and as raw
# little-endian doubles OUTDIR/matrix.f64 for Java (column-major: one sample after another), and
# limma::normalizeQuantiles of it as OUTDIR/limma.f64, against which the Java result is checked.
# Values are log-normal intensities rounded to one decimal (MAS5-like), so low values tie.
args <- commandArgs(trailingOnly = TRUE)
out <- args[1]
genes <- if (length(args) > 1) as.integer(args[2]) else 54675L
samples <- if (length(args) > 2) as.integer(args[3]) else 200L
set.seed(20240611)
m <- matrix(round(2^rnorm(genes * samples, mean = 7, sd = 2), 1), nrow = genes, ncol = samples)
dir.create(out, showWarnings = FALSE, recursive = TRUE)
saveRDS(m, file.path(out, "matrix.rds"))
writeBin(as.vector(m), file.path(out, "matrix.f64"), size = 8, endian = "little")
suppressPackageStartupMessages(library(limma))
writeBin(as.vector(normalizeQuantiles(m)), file.path(out, "limma.f64"), size = 8, endian = "little")
cat(sprintf("wrote %d genes x %d samples, %d distinct values, to %s\n", genes, samples, length(unique(as.vector(m))), out))
