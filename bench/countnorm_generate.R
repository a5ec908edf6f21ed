# Usage: Rscript countnorm_generate.R DIR GENES SAMPLES
# Seeded negative-binomial counts for bench/countnorm-vs-r.sh: gene means log-normal around 64,
# library sizes varying 4-fold, dispersion 0.05 + 2/mu, 5% of genes 4-fold up in the second half.
# Writes DIR/counts.f64 (little-endian doubles, column-major genes x samples: each sample is
# contiguous) and DIR/counts.rds (an integer matrix).
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]; genes <- as.integer(args[2]); samples <- as.integer(args[3])
dir.create(dir, recursive = TRUE, showWarnings = FALSE)
set.seed(20261204)
mu <- exp(rnorm(genes, log(64), 2))
lib <- exp(runif(samples, log(0.5), log(2)))
disp <- 0.05 + 2 / mu
counts <- matrix(0L, genes, samples)
up <- seq_len(genes) <= genes %/% 20
for (j in seq_len(samples)) {
  m <- mu * lib[j] * ifelse(up & j > samples / 2, 4, 1)
  counts[, j] <- rnbinom(genes, mu = m, size = 1 / disp)
}
storage.mode(counts) <- "integer"
saveRDS(counts, file.path(dir, "counts.rds"))
con <- file(file.path(dir, "counts.f64"), "wb"); writeBin(as.double(counts), con, endian = "little"); close(con)
