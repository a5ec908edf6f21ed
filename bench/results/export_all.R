# Export the Bioconductor ALL data set (Chiaretti et al. 2004; Debian package r-bioc-all) for
# exprflow: a features x samples TSV of exprs(ALL) and a samplesheet built from pData(ALL).
#
# Usage: Rscript --vanilla export_all.R OUTDIR [--only-full]
# Writes OUTDIR/ALL.tsv         probe id, then one column per sample (12625 x 128; exprs() to 15
#                               significant digits; already RMA-like log2, no log2 step needed)
#        OUTDIR/ALL_bcrabl.tsv  the same for the 79 samples of the BCR/ABL vs NEG task (not with
#                               --only-full)
#        OUTDIR/ALL.samples.tsv sample, lineage, bcrabl, BT, mol.biol
#   lineage: B or T, from BT with the stage digit dropped (B, B1..B4 -> B; T, T1..T4 -> T)
#   bcrabl:  BCR/ABL or NEG for B-lineage samples whose mol.biol is one of those two, empty
#            otherwise (empty: not in that task; ALL_bcrabl.tsv holds only the labelled samples).
#            B-lineage only, as in the ALL vignette's BCR/ABL vs NEG example: every T-lineage
#            sample is NEG, so keeping them would let the classifier score on lineage instead.
# Prints the class counts so that callers (bench/results.sh, AllDatasetRealDataTest) can see
# what R itself says.
suppressPackageStartupMessages({
    library(Biobase)
    library(ALL)
})

args <- commandArgs(trailingOnly = TRUE)
if (!length(args) %in% 1:2) stop("usage: export_all.R OUTDIR [--only-full]")
outdir <- args[1]
only_full <- length(args) == 2 && args[2] == "--only-full"
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)

data(ALL)
x <- exprs(ALL)
p <- pData(ALL)
stopifnot(identical(colnames(x), rownames(p)), !anyDuplicated(rownames(x)))

bt <- as.character(p$BT)
lineage <- sub("[0-9]+$", "", bt)                # B1 -> B, T3 -> T
stopifnot(all(lineage %in% c("B", "T")))
mol <- as.character(p$mol.biol)
bcrabl <- ifelse(lineage == "B" & mol %in% c("BCR/ABL", "NEG"), mol, "")

# Sample ids such as "01005" must stay strings: they are written as text, unquoted.
# write.table prints 15 significant digits, enough for these log2 values (R's own default).
write_matrix <- function(m, file) {
    write.table(data.frame(probe = rownames(m), m, check.names = FALSE), file,
                sep = "\t", quote = FALSE, row.names = FALSE)
}
write_matrix(x, file.path(outdir, "ALL.tsv"))
# The pipeline refuses unlabelled training samples, so the BCR/ABL task gets its own matrix of
# the 79 labelled samples (unless the caller only wants the full matrix, e.g. the fast test).
if (!only_full) write_matrix(x[, bcrabl != ""], file.path(outdir, "ALL_bcrabl.tsv"))

sheet <- data.frame(sample = colnames(x), lineage = lineage, bcrabl = bcrabl,
                    BT = bt, mol.biol = mol, check.names = FALSE)
write.table(sheet, file.path(outdir, "ALL.samples.tsv"), sep = "\t", quote = FALSE,
            row.names = FALSE)

cat(sprintf("ALL: %d features x %d samples (ALL package %s)\n", nrow(x), ncol(x),
            as.character(packageVersion("ALL"))))
cat("lineage:", paste(names(table(lineage)), table(lineage), sep = " ", collapse = ", "), "\n")
b <- table(bcrabl[bcrabl != ""])
cat("bcrabl (B lineage):", paste(names(b), b, sep = " ", collapse = ", "), "\n")
all_mol <- table(mol[mol %in% c("BCR/ABL", "NEG")])
cat("mol.biol (all 128):", paste(names(all_mol), all_mol, sep = " ", collapse = ", "), "\n")
