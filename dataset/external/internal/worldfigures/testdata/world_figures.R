# Recomputes the world comparison figures with R's survival package, as a
# check of the Go figures (analysis.World through worldfigures -csv,
# figures_test.go): medians and limits, 1 - S at 30/90/365 days with the
# limits and number at risk at 365, log-rank against truce, Holm-adjusted.
#
#   go run ./dataset/external/internal/worldfigures -shared ../shared/data -times /tmp/world
#   Rscript dataset/external/internal/worldfigures/testdata/world_figures.R /tmp/world/world_times.csv \
#       dataset/external/internal/worldfigures/testdata/world_figures_r.csv
#
# world_times.csv (outcome, group, time, status) holds durations derived
# from the ETH/PRIO and UCDP PAD files, so it is written to a scratch
# folder and never committed; only the aggregate figures below are.
library(survival)

args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE, check.names = FALSE)
truce <- "truce: Pakistan state–Taliban deals"

fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.6f", x))
rows <- list()
for (o in unique(d$outcome)) {
  od <- d[d$outcome == o, ]
  for (g in unique(od$group)) {
    gd <- od[od$group == g, ]
    fit <- survfit(Surv(time, status) ~ 1, data = gd)
    tab <- summary(fit)$table
    sm <- summary(fit, times = c(30, 90, 365), extend = TRUE)
    s <- sm$surv
    chisq <- NA; p <- NA
    if (g != truce) {
      both <- od[od$group %in% c(truce, g), ]
      lr <- survdiff(Surv(time, status) ~ group, data = both)
      chisq <- lr$chisq
      p <- pchisq(lr$chisq, length(lr$n) - 1, lower.tail = FALSE)
    }
    rows[[length(rows) + 1]] <- data.frame(
      outcome = o, group = g, n = nrow(gd), events = sum(gd$status),
      median = fmt(tab[["median"]]), median_lower = fmt(tab[["0.95LCL"]]), median_upper = fmt(tab[["0.95UCL"]]),
      share_30 = fmt(1 - s[1]), share_90 = fmt(1 - s[2]), share_365 = fmt(1 - s[3]),
      share_365_lower = fmt(1 - sm$upper[3]), share_365_upper = fmt(1 - sm$lower[3]),
      at_risk_365 = sm$n.risk[3],
      logrank_chisq = fmt(chisq), logrank_p = p,
      check.names = FALSE)
  }
}
# Holm's adjustment over each outcome's tests (every group against truce).
out <- do.call(rbind, rows)
out$logrank_p_holm <- NA
for (o in unique(out$outcome)) {
  i <- out$outcome == o & !is.na(out$logrank_p)
  out$logrank_p_holm[i] <- p.adjust(out$logrank_p[i], method = "holm")
}
sig <- function(x) ifelse(is.na(x), "NA", format(signif(x, 6)))
out$logrank_p <- sig(out$logrank_p)
out$logrank_p_holm <- sapply(out$logrank_p_holm, sig)
write.csv(out, args[2], row.names = FALSE, quote = TRUE)
