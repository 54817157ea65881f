# Reference values for analysis.CompareWorld (world_test.go): R's aml data
# split into three groups, "Maintained" (the reference), "Nonmaintained"
# (time <= 20) and "Late" (Nonmaintained, time > 20); each group's
# Kaplan-Meier median with 95% log-scale limits, 1 - S(t) at 10, 30 and 45
# days with its limits and number at risk, and survdiff of each group
# against the reference with Holm's adjustment.
#   Rscript analysis/testdata/r/world_reference.R > analysis/testdata/r/world_expected.csv
library(survival)
a <- aml
a$g <- as.character(a$x)
a$g[a$x == "Nonmaintained" & a$time > 20] <- "Late"
groups <- c("Maintained", "Nonmaintained", "Late")
rows <- list()
p <- c()
for (g in groups) {
  d <- a[a$g == g, ]
  f <- survfit(Surv(time, status) ~ 1, data = d)
  tab <- summary(f)$table
  s <- summary(f, times = c(10, 30, 45), extend = TRUE)
  chisq <- NA; pv <- NA
  if (g != groups[1]) {
    l <- survdiff(Surv(time, status) ~ g, data = a[a$g %in% c(groups[1], g), ])
    chisq <- l$chisq
    pv <- pchisq(chisq, 1, lower.tail = FALSE)
    p <- c(p, pv)
  }
  rows[[g]] <- data.frame(group = g, n = nrow(d), events = sum(d$status),
    median = tab[["median"]], median_lower = tab[["0.95LCL"]], median_upper = tab[["0.95UCL"]],
    ended_10 = 1 - s$surv[1], ended_30 = 1 - s$surv[2], ended_45 = 1 - s$surv[3],
    ended_45_lower = 1 - s$upper[3], ended_45_upper = 1 - s$lower[3], at_risk_45 = s$n.risk[3],
    chisq = chisq, p = pv, p_holm = NA)
}
out <- do.call(rbind, rows)
out$p_holm[!is.na(out$p)] <- p.adjust(p, method = "holm")
write.csv(out, stdout(), row.names = FALSE, quote = FALSE)
