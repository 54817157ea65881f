# survreg_reference.R writes survreg_expected.csv, which survreg_test.go
# compares SurvReg with: R's survreg() for the Weibull, log-normal and
# log-logistic distributions (coefficients, standard errors, scale, the
# log-likelihood and AIC).
#
# Regenerate: cd analysis/testdata/r && Rscript survreg_reference.R
#
# Inputs: input_aml.csv, input_random60.csv (km_logrank_reference.R),
# cox_input_sim3.csv (cox_reference.R) and deals_input.csv (breakdown as the
# event, other endings censored; survreg needs times > 0, so half a day is
# added to every duration, as a deal that ends on its first day lasted
# part of it).
# Output: name,dist,term,coef,se,scale,log_scale_se,loglik,loglik0,aic,df,iter
# (term "(Intercept)" first; 15 significant digits).
suppressPackageStartupMessages(library(survival))
cat(R.version.string, "\n")
cat("survival", format(packageVersion("survival")), "\n")
fmt <- function(v) ifelse(is.na(v), "NA", sprintf("%.15g", v))

rows <- list()
fit <- function(name, d, xs) {
  rhs <- if (length(xs) == 0) "1" else paste(xs, collapse = " + ")
  for (dist in c("weibull", "lognormal", "loglogistic")) {
    f <- survreg(as.formula(paste("Surv(time, status) ~", rhs)), data = d, dist = dist)
    v <- vcov(f)
    k <- length(coef(f))
    rows[[length(rows) + 1]] <<- data.frame(
      name = name, dist = dist, term = names(coef(f)), coef = fmt(coef(f)),
      se = fmt(sqrt(diag(v))[1:k]), scale = fmt(f$scale),
      log_scale_se = fmt(sqrt(v[k + 1, k + 1])), loglik = fmt(f$loglik[2]),
      loglik0 = fmt(f$loglik[1]), aic = fmt(AIC(f)), df = f$df, iter = f$iter)
  }
}
aml <- read.csv("input_aml.csv")
aml$x1 <- as.numeric(aml$group == "Nonmaintained")
fit("aml", aml, character(0))
fit("aml_x", aml, "x1")
r60 <- read.csv("input_random60.csv")
fit("random60", r60, character(0))
sim <- read.csv("cox_input_sim3.csv")
fit("sim3", sim, c("x1", "x2", "x3"))
deals <- read.csv("deals_input.csv", check.names = FALSE)
deals <- data.frame(time = deals$time + 0.5, status = as.integer(deals$status == 1),
                    x1 = deals[["has:checkpoint-removal"]])
fit("deals", deals, character(0))
fit("deals_x", deals, "x1")
out <- do.call(rbind, rows)
write.csv(out, "survreg_expected.csv", row.names = FALSE, quote = FALSE)
print(out[out$name == "deals", c("dist", "coef", "scale", "loglik", "aic")])
