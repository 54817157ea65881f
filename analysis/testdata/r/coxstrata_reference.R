# coxstrata_reference.R writes the reference values that coxstrata_test.go
# compares CoxPHStrata and CoxZPH with: coxph(... + strata(g)) and
# cox.zph(fit, transform = "km") (survival 3.x: score tests on the
# g-weighted Schoenfeld residuals, per covariate and GLOBAL).
#
# Regenerate: cd analysis/testdata/r && Rscript coxstrata_reference.R
#
# Inputs: cox_input_<name>.csv (cox_reference.R), deals_input.csv, and
# coxstrata_input_sim.csv (written here: time,status,stratum,x1,x2).
# Outputs (15 significant digits):
#   coxstrata_expected.csv  name,ties,term,coef,se,loglik0,loglik,score_chisq
#   coxzph_expected.csv     name,ties,strata,term,chisq,df,p
suppressPackageStartupMessages(library(survival))
cat(R.version.string, "\n")
cat("survival", format(packageVersion("survival")), "\n")
fmt <- function(v) ifelse(is.na(v), "NA", sprintf("%.15g", v))

set.seed(19720101)
n <- 90
st <- sample(c("s1", "s2", "s3"), n, replace = TRUE)
x1 <- rnorm(n)
x2 <- rbinom(n, 1, 0.5)
base <- c(s1 = 0.01, s2 = 0.03, s3 = 0.06)[st]
tev <- rexp(n, base * exp(0.6 * x1 - 0.5 * x2))
tcen <- runif(n, 5, 150)
sim <- data.frame(time = pmax(1, ceiling(pmin(tev, tcen))), status = as.integer(tev <= tcen),
                  stratum = st, x1 = sprintf("%.17g", x1), x2 = x2)
write.csv(sim, "coxstrata_input_sim.csv", row.names = FALSE, quote = FALSE)
sim <- read.csv("coxstrata_input_sim.csv")
stopifnot(any(duplicated(sim$time[sim$status == 1])))

deals <- read.csv("deals_input.csv", check.names = FALSE)
deals <- data.frame(time = deals$time, status = as.integer(deals$status == 1),
                    stratum = ifelse(deals$start_year < 2010, "2000s", "2010s+"),
                    x1 = deals[["has:checkpoint-removal"]], x2 = deals$start_year)

strata_rows <- list()
zph_rows <- list()
one <- function(name, d, xs, ties, strata) {
  rhs <- paste(xs, collapse = " + ")
  if (strata) rhs <- paste(rhs, "+ strata(stratum)")
  fit <- coxph(as.formula(paste("Surv(time, status) ~", rhs)), data = d, ties = ties)
  if (strata) {
    strata_rows[[length(strata_rows) + 1]] <<- data.frame(
      name = name, ties = ties, term = xs, coef = fmt(coef(fit)), se = fmt(sqrt(diag(fit$var))),
      loglik0 = fmt(fit$loglik[1]), loglik = fmt(fit$loglik[2]), score_chisq = fmt(fit$score))
  }
  z <- cox.zph(fit, transform = "km")$table
  zph_rows[[length(zph_rows) + 1]] <<- data.frame(
    name = name, ties = ties, strata = strata, term = rownames(z),
    chisq = fmt(z[, "chisq"]), df = z[, "df"], p = fmt(z[, "p"]))
}
for (ties in c("efron", "breslow")) {
  one("sim", sim, c("x1", "x2"), ties, TRUE)
  one("sim", sim, c("x1", "x2"), ties, FALSE)
  one("deals", deals, "x1", ties, TRUE)
  one("deals", deals, c("x1", "x2"), ties, FALSE)
  for (nm in c("aml", "ties", "evcens", "sim3")) {
    d <- read.csv(sprintf("cox_input_%s.csv", nm))
    one(nm, d, setdiff(names(d), c("time", "status")), ties, FALSE)
  }
}
write.csv(do.call(rbind, strata_rows), "coxstrata_expected.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, zph_rows), "coxzph_expected.csv", row.names = FALSE, quote = FALSE)
print(do.call(rbind, zph_rows)[1:8, ])
