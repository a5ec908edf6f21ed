# Reference side of CountNormalisationRTest: edgeR (TMM, log-CPM, filterByExpr) and DESeq2
# (median-of-ratios, VST) on training samples, and the training fit applied to held-out samples.
# Matrices are genes x samples, tab-separated, no header; numbers are written with 17 significant
# digits so that they round-trip.
#   count_normalisation.R tmm      train.tsv heldout.tsv outdir
#   count_normalisation.R filter   train.tsv classes.txt|none out.txt
#   count_normalisation.R deseq    train.tsv heldout.tsv outdir [classes.txt|none]
#   count_normalisation.R simulate seed genes samples out.tsv [fractional]
args <- commandArgs(trailingOnly = TRUE)
mode <- args[1]

readMatrix <- function(path) {
  x <- as.matrix(read.table(path, sep = "\t", header = FALSE, colClasses = "numeric"))
  dimnames(x) <- NULL
  x
}
writeMatrix <- function(x, path) {
  x <- as.matrix(x)
  cells <- matrix(sprintf("%.17g", x), nrow(x))
  writeLines(apply(cells, 1, paste, collapse = "\t"), path)
}
writeVector <- function(x, path) writeLines(sprintf("%.17g", x), path)

if (mode == "simulate") {
  set.seed(as.integer(args[2]))
  genes <- as.integer(args[3]); samples <- as.integer(args[4])
  # Gene means log-normal around 2^6, library sizes varying 4-fold, dispersion 0.01 + 1/mu trend.
  mu <- exp(rnorm(genes, log(64), 2))
  lib <- exp(runif(samples, log(0.5), log(2)))
  disp <- 0.05 + 2 / mu
  counts <- matrix(0, genes, samples)
  for (j in seq_len(samples)) counts[, j] <- rnbinom(genes, mu = mu * lib[j], size = 1 / disp)
  # A block of differential genes in the second half of the samples.
  de <- seq_len(genes %/% 20)
  half <- seq_len(samples) > samples / 2
  counts[de, half] <- rnbinom(length(de) * sum(half), mu = 4 * mu[de] * rep(lib[half], each = length(de)),
                              size = 1 / disp[de])
  if (length(args) >= 6 && args[6] == "fractional") {
    counts <- counts * runif(length(counts), 0.8, 1.2)
  }
  writeMatrix(counts, args[5])
  quit(save = "no")
}

suppressPackageStartupMessages(library(edgeR))

if (mode == "tmm") {
  train <- readMatrix(args[2]); held <- readMatrix(args[3]); out <- args[4]
  y <- calcNormFactors(DGEList(train), method = "TMM")
  writeVector(y$samples$norm.factors, file.path(out, "factors_train.txt"))
  writeMatrix(cpm(y, log = TRUE, prior.count = 2), file.path(out, "logcpm_train.tsv"))
  # The reference column exactly as calcNormFactors.default chooses it, checked by re-deriving the
  # training factors from it.
  lib <- colSums(train)
  nz <- train[rowSums(train > 0) > 0, , drop = FALSE]
  f75 <- suppressWarnings(edgeR:::.calcFactorQuantile(nz, lib, p = 0.75))
  ref <- if (median(f75) < 1e-20) which.max(colSums(sqrt(nz))) else which.min(abs(f75 - mean(f75)))
  raw <- sapply(seq_len(ncol(nz)), function(i) edgeR:::.calcFactorTMM(nz[, i], nz[, ref], lib[i], lib[ref]))
  G <- exp(mean(log(raw)))
  stopifnot(isTRUE(all.equal(raw / G, y$samples$norm.factors, tolerance = 1e-14)))
  writeVector(ref, file.path(out, "reference.txt"))
  # Held-out samples: TMM against the training reference, scaled by the training geometric mean;
  # log-CPM with the prior scaled by the training mean effective library size (cpm.default's rule).
  libH <- colSums(held)
  fH <- sapply(seq_len(ncol(held)), function(i)
    edgeR:::.calcFactorTMM(held[, i], train[, ref], libH[i], lib[ref])) / G
  writeVector(fH, file.path(out, "factors_heldout.txt"))
  effTrain <- lib * y$samples$norm.factors
  effH <- libH * fH
  prior <- 2 * effH / mean(effTrain)
  logcpmH <- log2(t((t(held) + prior) / (effH + 2 * prior)) * 1e6)
  writeMatrix(logcpmH, file.path(out, "logcpm_heldout.tsv"))
} else if (mode == "filter") {
  train <- readMatrix(args[2])
  group <- if (args[3] == "none") NULL else readLines(args[3])
  keep <- suppressMessages(filterByExpr(train, group = group))
  writeLines(as.character(which(keep)), args[4])
} else if (mode == "deseq") {
  suppressPackageStartupMessages(library(DESeq2))
  # Fractional counts are rounded as DESeqDataSetFromTximport rounds them.
  train <- round(readMatrix(args[2])); held <- round(readMatrix(args[3])); out <- args[4]
  colnames(train) <- paste0("t", seq_len(ncol(train))); colnames(held) <- paste0("h", seq_len(ncol(held)))
  rownames(train) <- rownames(held) <- paste0("g", seq_len(nrow(train)))
  if (length(args) >= 5 && args[5] != "none") {
    cd <- data.frame(class = factor(readLines(args[5])), row.names = colnames(train)); design <- ~class
  } else {
    cd <- data.frame(row.names = colnames(train)); design <- ~1
  }
  dds <- suppressMessages(DESeqDataSetFromMatrix(train, cd, design))
  dds <- estimateSizeFactors(dds)
  writeVector(sizeFactors(dds), file.path(out, "sf_train.txt"))
  vsd <- varianceStabilizingTransformation(dds, blind = FALSE, fitType = "parametric")
  writeMatrix(assay(vsd), file.path(out, "vst_train.tsv"))
  # The same steps vst(blind = FALSE) takes inside, kept to read the trend and the gene-wise estimates.
  fit <- estimateDispersionsFit(estimateDispersionsGeneEst(dds, quiet = TRUE), fitType = "parametric", quiet = TRUE)
  stopifnot(attr(dispersionFunction(fit), "fitType") == "parametric")
  writeVector(attr(dispersionFunction(fit), "coefficients"), file.path(out, "trend.txt"))
  disp <- mcols(fit)$dispGeneEst; disp[is.na(disp)] <- NaN
  writeVector(disp, file.path(out, "disp_gene.txt"))
  stopifnot(isTRUE(all.equal(assay(vsd), getVarianceStabilizedData(fit), tolerance = 0)))
  # Held-out: size factors from the training geometric means (the median ratio inside
  # estimateSizeFactorsForMatrix, before its rescaling by the new factors' own geometric mean).
  geo <- exp(rowMeans(log(counts(dds))))
  lgeo <- log(geo)
  sfH <- apply(held, 2, function(cnts) exp(median((log(cnts) - lgeo)[is.finite(lgeo) & cnts > 0])))
  stopifnot(isTRUE(all.equal(unname(estimateSizeFactorsForMatrix(held, geoMeans = geo)),
                             unname(sfH / exp(mean(log(sfH)))), tolerance = 1e-14)))
  writeVector(sfH, file.path(out, "sf_heldout.txt"))
  newDds <- suppressMessages(DESeqDataSetFromMatrix(held, data.frame(row.names = colnames(held)), ~1))
  sizeFactors(newDds) <- sfH
  dispersionFunction(newDds, estimateVar = FALSE) <- dispersionFunction(fit)
  vsdH <- varianceStabilizingTransformation(newDds, blind = FALSE)
  writeMatrix(assay(vsdH), file.path(out, "vst_heldout.tsv"))
} else {
  stop("unknown mode ", mode)
}
