# padjust_reference.R writes padjust_expected.csv, which padjust_test.go
# compares Holm and BenjaminiHochberg with: R's p.adjust.
#
# Regenerate: cd analysis/testdata/r && Rscript padjust_reference.R
#
# Outputs (15 significant digits, NA kept):
#   padjust_expected.csv  name,i,p,holm,bh for fixed and random p-values
#   padjust_deals.csv     category,n_with,logrank_p,holm,bh: the log-rank
#                         test (survdiff) of breakdown between the embedded
#                         deals with and without each concession or
#                         commitment held by at least 2 deals and missing
#                         from at least 2 (deals_input.csv; expiry and
#                         supersession censored), adjusted over those
#                         categories
suppressPackageStartupMessages(library(survival))
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

deals <- read.csv("deals_input.csv", check.names = FALSE)
ev <- as.integer(deals$status == 1)
cats <- grep("^(has|commits):", names(deals), value = TRUE)
cats <- cats[sapply(cats, function(c) sum(deals[[c]]) >= 2 && sum(1 - deals[[c]]) >= 2)]
p <- sapply(cats, function(c) {
  sd <- survdiff(Surv(deals$time, ev) ~ deals[[c]])
  pchisq(sd$chisq, length(sd$n) - 1, lower.tail = FALSE)
})
out <- data.frame(category = cats, n_with = sapply(cats, function(c) sum(deals[[c]])),
                  logrank_p = fmt(p), holm = fmt(p.adjust(p, "holm")), bh = fmt(p.adjust(p, "BH")))
write.csv(out, "padjust_deals.csv", row.names = FALSE, quote = FALSE)
print(out)
