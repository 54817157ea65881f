# padjust_reference.R writes padjust_expected.csv, which padjust_test.go
# compares Holm and BenjaminiHochberg with: R's p.adjust.
#
# Regenerate: cd analysis/testdata/r && Rscript padjust_reference.R
#
# Output: name,i,p,holm,bh (15 significant digits, NA kept).
cat(R.version.string, "\n")
fmt <- function(v) ifelse(is.na(v), "NA", sprintf("%.15g", v))
sets <- list(
  simple = c(0.01, 0.02, 0.03, 0.04, 0.05),
  unsorted_ties = c(0.04, 0.001, 0.04, 0.2, 0.001, 0.9, 1, 0.013),
  with_na = c(0.3, NA, 0.02, 0.5, NA, 0.004),
  one = 0.03,
  capped = c(0.6, 0.7, 0.8, 0.2)
)
set.seed(9)
sets$random19 <- signif(runif(19)^2, 6)
rows <- list()
for (nm in names(sets)) {
  p <- sets[[nm]]
  rows[[nm]] <- data.frame(name = nm, i = seq_along(p) - 1, p = fmt(p),
                           holm = fmt(p.adjust(p, "holm")),
                           bh = fmt(p.adjust(p, "BH")))
}
write.csv(do.call(rbind, rows), "padjust_expected.csv", row.names = FALSE, quote = FALSE)
