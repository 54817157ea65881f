# concessions_reference.R writes concessions_expected.csv, which
# concessions_test.go compares ConcessionTable (its CSV, at full precision)
# with, on the embedded deals (deals_input.csv: breakdown the event, other
# endings censored):
#   - per category held by at least 2 deals and missing from at least 2:
#     survdiff p, p.adjust Holm and BH over those categories, coxph (Efron)
#     hazard ratio with 95% Wald limits and likelihood-ratio p, and coxph on
#     the category and start_year (the category's hazard ratio, limits and
#     Wald p);
#   - rows "era" (coxph on start_year) and "n_concessions" (coxph on the
#     number of state concessions, the sum of the has:* flags).
# Firth's model is checked by firth_reference.R (firth_expected.csv).
#
# Regenerate: cd analysis/testdata/r && Rscript concessions_reference.R
suppressPackageStartupMessages(library(survival))
fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.15g", x))
d <- read.csv("deals_input.csv", check.names = FALSE)
d$ev <- as.integer(d$status == 1)
d$n_concessions <- rowSums(d[, grep("^has:", names(d))])
cats <- grep("^(has|commits):", names(d), value = TRUE)
cats <- cats[sapply(cats, function(c) sum(d[[c]]) >= 2 && sum(1 - d[[c]]) >= 2)]
row <- function(name, p, holm, bh, fit, adj) {
  s <- summary(fit)
  a <- summary(adj)
  data.frame(name = name, logrank_p = fmt(p), holm = fmt(holm), bh = fmt(bh),
             hr = fmt(s$conf.int[1, 1]), hr_lower = fmt(s$conf.int[1, 3]), hr_upper = fmt(s$conf.int[1, 4]),
             lr_p = fmt(s$logtest[["pvalue"]]),
             adj_hr = fmt(a$conf.int[1, 1]), adj_lower = fmt(a$conf.int[1, 3]), adj_upper = fmt(a$conf.int[1, 4]),
             adj_p = fmt(a$coefficients[1, 5]))
}
p <- sapply(cats, function(c) {
  sd <- survdiff(Surv(d$time, d$ev) ~ d[[c]])
  pchisq(sd$chisq, length(sd$n) - 1, lower.tail = FALSE)
})
holm <- p.adjust(p, "holm")
bh <- p.adjust(p, "BH")
rows <- lapply(seq_along(cats), function(i) {
  x <- d[[cats[i]]]
  row(cats[i], p[i], holm[i], bh[i],
      coxph(Surv(time, ev) ~ x, data = d, ties = "efron"),
      coxph(Surv(time, ev) ~ x + start_year, data = d, ties = "efron"))
})
era <- coxph(Surv(time, ev) ~ start_year, data = d, ties = "efron")
nc <- coxph(Surv(time, ev) ~ n_concessions, data = d, ties = "efron")
rows[[length(rows) + 1]] <- row("era", NA, NA, NA, era, era)
rows[[length(rows) + 1]] <- row("n_concessions", NA, NA, NA, nc, nc)
out <- do.call(rbind, rows)
write.csv(out, "concessions_expected.csv", row.names = FALSE, quote = FALSE)
print(out[, c("name", "logrank_p", "holm", "bh", "hr", "lr_p", "adj_hr", "adj_p")])
