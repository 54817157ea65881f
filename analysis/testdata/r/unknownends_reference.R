# unknownends_reference.R writes unknownends_expected.csv, which
# unknownends_test.go compares UnknownEndScenarios with: the scenarios are
# rebuilt here from deals_input.csv (end_type unknown marks the deals whose
# end is unknown, censored at last_seen; as_of_time caps a later
# censoring), and each gets its number of deals and breakdowns and the
# Kaplan–Meier median of print(survfit) (breakdown as the event).
#
# Regenerate: cd analysis/testdata/r && Rscript unknownends_reference.R
#
# Output: scenario,n,breakdowns,median,median_lower,median_upper,
# breakdown_365 (the Aalen–Johansen share broken down by day 365 from
# survfit(Surv(time, factor(status)) ~ 1), expiry and supersession
# competing; an unknown end taken as a breakdown has status 1).
suppressPackageStartupMessages(library(survival))
cat(R.version.string, "\n")
cat("survival", format(packageVersion("survival")), "\n")
fmt <- function(v) ifelse(is.na(v), "NA", sprintf("%.15g", v))
d <- read.csv("deals_input.csv", check.names = FALSE)
d$event <- as.integer(d$status == 1)
unk <- d$end_type == "unknown"
sc <- list("without unknown ends" = d[!unk, ],
           "unknown ends broke down at last_seen" = transform(d, event = ifelse(unk, 1L, event),
                                                              status = ifelse(unk, 1L, status)))
for (n in c(30, 180, 365)) {
  x <- d
  x$time[unk] <- pmin(x$time[unk] + n, x$as_of_time[unk])
  sc[[sprintf("unknown ends censored %d days after last_seen", n)]] <- x
}
rows <- lapply(names(sc), function(s) {
  x <- sc[[s]]
  tab <- summary(survfit(Surv(time, event) ~ 1, data = x))$table
  aj <- summary(survfit(Surv(time, factor(status, levels = 0:3)) ~ 1, data = x), times = 365)
  data.frame(scenario = s, n = nrow(x), breakdowns = sum(x$event),
             median = fmt(tab[["median"]]), median_lower = fmt(tab[["0.95LCL"]]),
             median_upper = fmt(tab[["0.95UCL"]]),
             breakdown_365 = fmt(aj$pstate[1, which(aj$states == "1")]))
})
out <- do.call(rbind, rows)
write.csv(out, "unknownends_expected.csv", row.names = FALSE, quote = FALSE)
print(out)
