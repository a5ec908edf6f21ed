# Usage: Rscript sva_combat.R TRAIN.tsv TRAIN_BATCHES.txt HELDOUT.tsv HELDOUT_BATCHES.txt FORMS OUT_PREFIX
# FORMS: PAR_PRIOR:MEAN_ONLY pairs separated by commas, e.g. TRUE:FALSE,FALSE:FALSE (one R start for
# several forms: loading sva takes most of the time). For the k-th form (from 1):
#  - OUT_PREFIX.k.train.tsv: sva::ComBat(TRAIN, batch, mod = NULL, par.prior = PAR_PRIOR, mean.only = MEAN_ONLY);
#  - OUT_PREFIX.k.held.tsv: held-out rows (of batches in training) adjusted with sva's own estimates. sva returns
#    no estimates, so they are read back from its output: per batch and gene the adjustment is the
#    affine map bayes = grand + sd * (s - gamma*) / sqrt(delta*) of s = (x - grand) / sd, whose
#    intercept and slope a least-squares line through the batch's (s, bayes) pairs recovers exactly.
#    grand and sd are sva's own formulas with mod = NULL (batch means weighted by batch size; the
#    residual variance with an n denominator). Genes sva leaves alone (zero variance within a batch)
#    pass through unchanged.
args <- commandArgs(trailingOnly = TRUE)
source(file.path(dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))),
                 "matrix_io.R"))
suppressPackageStartupMessages(library(sva))
dat <- read_matrix(args[1])
batch <- readLines(args[2])
held <- read_matrix(args[3])
held_batch <- readLines(args[4])
forms <- strsplit(strsplit(args[5], ",")[[1]], ":")
prefix <- args[6]
b <- factor(batch)
n <- length(batch)
means <- sapply(levels(b), function(l) rowMeans(dat[, b == l, drop = FALSE]))
sizes <- as.numeric(table(b))
grand <- as.vector(means %*% (sizes / n))
fitted <- means[, as.integer(b), drop = FALSE]
sd <- sqrt(rowSums((dat - fitted)^2) / n)
for (k in seq_along(forms)) {
  out <- suppressMessages(ComBat(dat, batch, mod = NULL, par.prior = as.logical(forms[[k]][1]),
                                 mean.only = as.logical(forms[[k]][2])))
  write_matrix(out, paste0(prefix, ".", k, ".train.tsv"))
  adjusted <- held
  if (!anyNA(dat)) {  # the held-out check runs on complete data only
    for (l in unique(held_batch)) {
      cols <- which(batch == l)
      hcols <- which(held_batch == l)
      for (g in seq_len(nrow(dat))) {
        if (all(out[g, ] == dat[g, ])) next  # a gene sva did not adjust
        s <- (dat[g, cols] - grand[g]) / sd[g]
        line <- lm.fit(cbind(1, s), out[g, cols])$coefficients
        adjusted[g, hcols] <- line[1] + line[2] * (held[g, hcols] - grand[g]) / sd[g]
      }
    }
  }
  write_matrix(adjusted, paste0(prefix, ".", k, ".held.tsv"))
}
