# Recomputes the world comparison figures with R's survival package, as a
# check of the Go figures (worldfigures, figures_test.go).
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
    s <- summary(fit, times = c(30, 90, 365), extend = TRUE)$surv
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
      logrank_chisq = fmt(chisq), logrank_p = ifelse(is.na(p), "NA", format(signif(p, 6))),
      check.names = FALSE)
  }
}
write.csv(do.call(rbind, rows), args[2], row.names = FALSE, quote = TRUE)
