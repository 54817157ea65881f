# incidence_reference.R writes the reference values that incidence_test.go
# compares AalenJohansen with: R's multi-state survfit, whose standard
# errors are the infinitesimal jackknife and whose limits are
# conf.type = "log".
#
# Regenerate (needs R with the survival package; the Go tests do not):
#
#   cd analysis/testdata/r && Rscript incidence_reference.R
#
# Inputs and outputs, all in this folder (status 0 = censored,
# 1 = breakdown, 2 = expired, 3 = superseded):
#   deals_input.csv             id,time,status,start_year,end_type,as_of_time,
#                               has:*,commits:*: the
#                               embedded agreements and ceasefires as of
#                               dataset.AsOf (time and status from
#                               analysis.Endings, the coded end_type, the
#                               days from start to the as-of date, 0/1
#                               concession and commitment flags;
#                               deals_test.go checks that the file still
#                               equals the embedded data; rewrite it with
#                               go test ./analysis -run
#                               TestDealsInputIsEmbeddedData -update, then
#                               rerun every script here that reads it)
#   incidence_input_random.csv  time,status,group: 150 seeded random
#                               subjects with all three endings, ties, and
#                               two groups
#   incidence_expected.csv      name,group,time,n_risk,state,pstate,std_err,
#                               lower,upper: summary of
#                               survfit(Surv(time, factor(status)) ~ 1) (or
#                               ~ group) at every time; state "(s0)" is no
#                               ending yet; 15 significant digits, NA as R
#                               gives it
suppressPackageStartupMessages(library(survival))
cat(R.version.string, "\n")
cat("survival", format(packageVersion("survival")), "\n")

fmt <- function(v) ifelse(is.na(v), "NA", sprintf("%.15g", v))
endings <- c("censored", "breakdown", "expired", "superseded")

rows <- list()
add <- function(name, group, d) {
  d$f <- factor(d$status, 0:3, endings)
  fit <- survfit(Surv(time, f) ~ 1, data = d)
  stopifnot(identical(fit$states, c("(s0)", endings[-1])))
  for (s in seq_along(fit$states)) {
    rows[[length(rows) + 1]] <<- data.frame(
      name = name, group = group, time = fit$time, n_risk = fit$n.risk[, 1],
      state = fit$states[s], pstate = fmt(fit$pstate[, s]),
      std_err = fmt(fit$std.err[, s]), lower = fmt(fit$lower[, s]),
      upper = fmt(fit$upper[, s]), stringsAsFactors = FALSE)
  }
}

deals <- read.csv("deals_input.csv", check.names = FALSE)
add("deals", "(all)", deals)

set.seed(20040424)
n <- 150
g <- sample(c("a", "b"), n, replace = TRUE)
ev <- ceiling(rexp(n, ifelse(g == "a", 1 / 300, 1 / 200)))
cen <- ceiling(runif(n, 1, 900))
cause <- sample(1:3, n, replace = TRUE, prob = c(0.6, 0.25, 0.15))
random <- data.frame(time = pmin(ev, cen), status = ifelse(ev <= cen, cause, 0), group = g)
write.csv(random, "incidence_input_random.csv", row.names = FALSE, quote = FALSE)
random <- read.csv("incidence_input_random.csv")
stopifnot(all(0:3 %in% random$status), anyDuplicated(random$time) > 0)
add("random", "(all)", random)
for (gr in c("a", "b")) add("random", gr, random[random$group == gr, ])

# The grouped fit gives the same curves as fitting each group alone.
random$f <- factor(random$status, 0:3, endings)
byg <- survfit(Surv(time, f) ~ group, data = random)
stopifnot(abs(summary(byg)$pstate[summary(byg)$strata == "group=b", 2] -
              summary(survfit(Surv(time, f) ~ 1, data = random[random$group == "b", ]))$pstate[, 2]) < 1e-12)

out <- do.call(rbind, rows)
write.csv(out, "incidence_expected.csv", row.names = FALSE, quote = FALSE)

# Headline figures on the embedded data (213 and 313 days were quoted in
# issue 9 on dataset v0.1.0).
deals$f <- factor(deals$status, 0:3, endings)
s <- summary(survfit(Surv(time, f) ~ 1, data = deals), times = c(213, 313, 365))
print(cbind(time = s$time, s$pstate))
