# tximport's gene-level summary, the reference for exprflow's Tximport.
# Usage: Rscript tximport_summarise.R TYPE TX2GENE OUTDIR FILE...
# TX2GENE: tab-separated with a header, transcript id then gene id. For each countsFromAbundance
# ("no", "scaledTPM", "lengthScaledTPM") writes OUTDIR/<cfa>.counts.tsv, and once abundance.tsv and
# length.tsv: genes x samples, first column gene, numbers with 17 significant digits.
suppressPackageStartupMessages(library(tximport))
args <- commandArgs(trailingOnly = TRUE)
type <- args[1]
tx2gene <- read.delim(args[2], header = TRUE, colClasses = "character")[, 1:2]
outdir <- args[3]
files <- args[-(1:3)]
names(files) <- paste0("s", seq_along(files))
write_matrix <- function(m, path) {
  cells <- matrix(sprintf("%.17g", m), nrow = nrow(m), dimnames = dimnames(m))
  out <- data.frame(gene = rownames(m), cells, check.names = FALSE, stringsAsFactors = FALSE)
  write.table(out, path, sep = "\t", quote = FALSE, row.names = FALSE)
}
for (cfa in c("no", "scaledTPM", "lengthScaledTPM")) {
  txi <- suppressMessages(tximport(files, type = type, tx2gene = tx2gene, countsFromAbundance = cfa))
  write_matrix(txi$counts, file.path(outdir, paste0(cfa, ".counts.tsv")))
  if (cfa == "no") {
    write_matrix(txi$abundance, file.path(outdir, "abundance.tsv"))
    write_matrix(txi$length, file.path(outdir, "length.tsv"))
  }
}
