# bootstrap_reference.R writes bootstrap_expected.csv, which
# bootstrap_test.go compares BootstrapMedian with. R's sample() cannot
# reproduce Go's PCG resamples, so the Go test wrote the resample indices
# of its seeds to bootstrap_indices_<name>.csv (one resample per line,
# 0-based indices separated by spaces; the Go test checks the files still
# equal what the seed gives) and this script computes, for each resample,
# the Kaplan–Meier median as print(survfit) reports it
# (summary(fit)$table["median"], NA when not reached), and the percentile
# limits m[k] and m[B + 1 - k], k = floor((B + 1) * 0.025), NA sorting last.
#
# Regenerate: cd analysis/testdata/r && Rscript bootstrap_reference.R
#
# Inputs: input_aml.csv (seed 1) and deals_input.csv (breakdowns; seed
# 20041124), 400 resamples each.
# Output: name,resample,median (resample -1: the lower limit, -2: the upper).
suppressPackageStartupMessages(library(survival))
cat(R.version.string, "\n")
cat("survival", format(packageVersion("survival")), "\n")
fmt <- function(v) ifelse(is.na(v), "NA", sprintf("%.15g", v))
rows <- list()
boot <- function(name, d) {
  idx <- strsplit(readLines(sprintf("bootstrap_indices_%s.csv", name))[-1], " ")
  med <- sapply(idx, function(i) {
    s <- d[as.integer(i) + 1, ]
    summary(survfit(Surv(time, status) ~ 1, data = s))$table[["median"]]
  })
  B <- length(med)
  k <- floor((B + 1) * 0.025)
  m <- sort(med, na.last = TRUE)
  rows[[name]] <<- data.frame(name = name, resample = c(seq_len(B) - 1, -1, -2),
                              median = fmt(c(med, m[k], m[B + 1 - k])))
}
boot("aml", read.csv("input_aml.csv"))
deals <- read.csv("deals_input.csv", check.names = FALSE)
boot("deals", data.frame(time = deals$time, status = as.integer(deals$status == 1)))
write.csv(do.call(rbind, rows), "bootstrap_expected.csv", row.names = FALSE, quote = FALSE)
print(do.call(rbind, rows)[c("aml.401", "aml.402", "deals.401", "deals.402"), ])
