# Matrix exchange with the Java tests: tab-separated, no header, rows = genes, columns = samples,
# "NA" for missing, numbers written with 17 significant digits so that doubles round-trip.
read_matrix <- function(path) {
  m <- as.matrix(read.table(path, sep = "\t", header = FALSE, na.strings = "NA",
                            colClasses = "numeric", comment.char = ""))
  dimnames(m) <- NULL
  m
}

write_matrix <- function(m, path) {
  cells <- ifelse(is.na(m), "NA", sprintf("%.17g", m))
  dim(cells) <- dim(m)
  writeLines(apply(cells, 1, paste, collapse = "\t"), path)
}

