# Usage: Rscript quantile_limma_timing.R MATRIX.rds RUNS
# Times limma::normalizeQuantiles(m) alone (the matrix is loaded first), RUNS times; prints each
# elapsed and CPU time and their medians in seconds.
args <- commandArgs(trailingOnly = TRUE)
suppressPackageStartupMessages(library(limma))
m <- readRDS(args[1])
runs <- as.integer(args[2])
t <- numeric(runs)
cpu <- numeric(runs)
for (r in seq_len(runs)) {
  st <- system.time(invisible(normalizeQuantiles(m)))
  t[r] <- st[["elapsed"]]
  # user + system CPU, reported beside elapsed because it is less disturbed on a shared machine
  cpu[r] <- st[["user.self"]] + st[["sys.self"]]
  cat(sprintf("limma run %d: %.3f s elapsed, %.3f s cpu\n", r, t[r], cpu[r]))
}
cat(sprintf("limma median of %d: %.3f s elapsed, %.3f s cpu\n", runs, median(t), median(cpu)))
