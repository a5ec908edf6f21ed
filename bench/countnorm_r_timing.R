# Usage: Rscript countnorm_r_timing.R DIR tmm|vst
# Loads DIR/counts.rds, then times (system.time, compute only) one method and writes its result to
# DIR/r-<method>.f64 (little-endian doubles, column-major genes x samples) for the comparison:
#   tmm: y <- calcNormFactors(DGEList(counts), method = "TMM"); cpm(y, log = TRUE, prior.count = 2)
#   vst: estimateSizeFactors then varianceStabilizingTransformation(blind = FALSE, fitType =
#        "parametric"), design ~1
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]; method <- args[2]
counts <- readRDS(file.path(dir, "counts.rds"))
if (method == "tmm") {
  suppressPackageStartupMessages(library(edgeR))
  st <- system.time({
    y <- calcNormFactors(DGEList(counts), method = "TMM")
    out <- cpm(y, log = TRUE, prior.count = 2)
  })
} else {
  suppressPackageStartupMessages(library(DESeq2))
  colnames(counts) <- paste0("s", seq_len(ncol(counts)))
  st <- system.time({
    dds <- suppressMessages(DESeqDataSetFromMatrix(counts, data.frame(row.names = colnames(counts)), ~1))
    dds <- estimateSizeFactors(dds)
    out <- assay(varianceStabilizingTransformation(dds, blind = FALSE, fitType = "parametric"))
  })
}
cat(sprintf("R %s compute: %.3f s elapsed, %.3f s cpu\n", method, st[["elapsed"]], st[["user.self"]] + st[["sys.self"]]))
con <- file(file.path(dir, paste0("r-", method, ".f64")), "wb"); writeBin(as.double(out), con, endian = "little"); close(con)
