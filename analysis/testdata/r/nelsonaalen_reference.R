# nelsonaalen_reference.R writes nelsonaalen_expected.csv, which
# nelsonaalen_test.go compares NelsonAalen with: R's
# survfit(Surv(time, status) ~ 1, ctype = 1), columns cumhaz and std.chaz.
#
# Regenerate: cd analysis/testdata/r && Rscript nelsonaalen_reference.R
#
# Inputs: input_<name>.csv (written by km_logrank_reference.R), pooled over
# groups. Output: name,time,n_risk,n_event,cumhaz,std_chaz (15 significant
# digits).
suppressPackageStartupMessages(library(survival))
cat(R.version.string, "\n")
cat("survival", format(packageVersion("survival")), "\n")
fmt <- function(v) ifelse(is.na(v), "NA", sprintf("%.15g", v))
rows <- list()
for (nm in c("aml", "ties", "event_censor_ties", "random60", "last_censored")) {
  d <- read.csv(sprintf("input_%s.csv", nm))
  fit <- survfit(Surv(time, status) ~ 1, data = d, ctype = 1)
  rows[[nm]] <- data.frame(name = nm, time = fit$time, n_risk = fit$n.risk,
                           n_event = fit$n.event, cumhaz = fmt(fit$cumhaz),
                           std_chaz = fmt(fit$std.chaz))
}
write.csv(do.call(rbind, rows), "nelsonaalen_expected.csv", row.names = FALSE, quote = FALSE)
