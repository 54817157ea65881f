# Reference values for analysis/cox.go, rank.go and permutation.go.
#
# Regenerate (needs R with the survival package; the Go tests do not need R):
#
#     cd analysis/testdata/r && Rscript cox_reference.R
#
# Generated with R 4.2.2 Patched (2022-11-10 r83330) and survival 3.5.3.
#
# Writes, into this folder:
#   cox_input_<name>.csv  time,status,x1[,x2...]  (covariates with 17 significant
#                         digits, so Go reads exactly the doubles R fitted)
#   cox_expected.csv      one row per data set, ties method and term:
#                         coxph() and summary(coxph()) values, 15 significant digits
#   cox_warnings.csv      name,ties,warning: the warnings coxph() gave
#   rank_input_<name>.csv x,y
#   rank_expected.csv     cor(x, y, "spearman"), cor(x, y, "kendall") (tau-b) and
#                         cor.test() p-values, with whether R computed them exactly
#
# Every model is fitted on the CSV as read back, so the inputs are identical.
# Event and censoring times are integers, so survival's timefix (aeqSurv) never
# merges nearly equal times.

suppressPackageStartupMessages(library(survival))

cat(R.version.string, "\n")
cat("survival", format(packageVersion("survival")), "\n")

fmt <- function(v) {
  if (is.logical(v)) return(ifelse(v, "TRUE", "FALSE"))
  if (is.character(v)) return(v)
  ifelse(is.na(v), "NA", sprintf("%.15g", v))
}

write_input <- function(name, d) {
  out <- d
  for (j in seq_along(out)) {
    if (names(out)[j] %in% c("time", "status")) {
      out[[j]] <- sprintf("%d", as.integer(out[[j]]))
    } else {
      out[[j]] <- sprintf("%.17g", out[[j]])
    }
  }
  f <- sprintf("cox_input_%s.csv", name)
  write.csv(out, f, row.names = FALSE, quote = FALSE)
  read.csv(f)
}

cox_rows <- list()
warn_rows <- list()

fit_one <- function(name, d, ties) {
  xs <- setdiff(names(d), c("time", "status"))
  form <- as.formula(paste("Surv(time, status) ~", paste(xs, collapse = " + ")))
  warns <- character(0)
  fit <- withCallingHandlers(
    coxph(form, data = d, ties = ties),
    warning = function(w) {
      warns <<- c(warns, conditionMessage(w))
      invokeRestart("muffleWarning")
    })
  s <- summary(fit)
  b <- coef(fit)
  se <- sqrt(diag(fit$var))
  z <- b / se
  p <- pchisq(z^2, 1, lower.tail = FALSE)
  zq <- qnorm(0.975)
  ok <- !is.na(b)
  wald <- as.numeric(t(b[ok]) %*% solve(fit$var[ok, ok, drop = FALSE]) %*% b[ok])
  lr <- -2 * (fit$loglik[1] - fit$loglik[2])
  for (j in seq_along(b)) {
    cox_rows[[length(cox_rows) + 1]] <<- data.frame(
      name = name, ties = ties, term = xs[j],
      coef = fmt(b[j]), exp_coef = fmt(exp(b[j])), se = fmt(se[j]),
      z = fmt(z[j]), p = fmt(p[j]),
      lower = fmt(exp(b[j] - zq * se[j])), upper = fmt(exp(b[j] + zq * se[j])),
      loglik0 = fmt(fit$loglik[1]), loglik = fmt(fit$loglik[2]),
      lr_chisq = fmt(lr), lr_df = sum(ok),
      lr_p = fmt(pchisq(lr, sum(ok), lower.tail = FALSE)),
      wald_chisq = fmt(wald), score_chisq = fmt(fit$score),
      score_p = fmt(s$sctest[["pvalue"]]), iter = fit$iter,
      stringsAsFactors = FALSE)
  }
  for (w in warns) {
    warn_rows[[length(warn_rows) + 1]] <<- data.frame(
      name = name, ties = ties, warning = gsub("[,\n]", ";", trimws(w)),
      stringsAsFactors = FALSE)
  }
  invisible(fit)
}

## 1. R's aml data: x1 = 1 for Nonmaintained (R's term xNonmaintained).
aml_d <- data.frame(time = aml$time, status = aml$status,
                    x1 = as.numeric(aml$x == "Nonmaintained"))
aml_d <- write_input("aml", aml_d)
f <- fit_one("aml", aml_d, "efron")
# go-stack.md: coef 0.9155, se 0.5119, LR 3.38
stopifnot(abs(coef(f) - 0.9155) < 5e-5, abs(sqrt(f$var[1, 1]) - 0.5119) < 5e-5,
          abs(2 * diff(f$loglik) - 3.38) < 5e-3)
fit_one("aml", aml_d, "breslow")

## 2. Tied event times, two covariates (binary and continuous).
set.seed(1972)
n <- 40
ties_d <- data.frame(
  time = sample(1:8, n, replace = TRUE),
  status = rbinom(n, 1, 0.75),
  x1 = rbinom(n, 1, 0.5),
  x2 = round(rnorm(n, 50, 10), 1))
ties_d$time <- pmax(1, ties_d$time - 2 * ties_d$x1 + sample(0:1, n, replace = TRUE))
ties_d <- write_input("ties", ties_d)
stopifnot(any(duplicated(ties_d$time[ties_d$status == 1])))
fit_one("ties", ties_d, "efron")
fit_one("ties", ties_d, "breslow")

## 3. Events and censorings at the same times (censored subjects stay in the
##    risk set of events at their time).
evcens_d <- data.frame(
  time   = c(2, 2, 2, 3, 3, 5, 5, 5, 5, 7, 7, 8, 10, 10, 10, 12, 12, 15, 15, 15),
  status = c(1, 0, 1, 1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0),
  x1     = c(1.2, 0.4, 2.2, -0.3, 0.8, 1.1, 0.0, -1.0, 0.5, 0.9,
             -0.2, 0.3, 0.6, 1.5, -0.8, 0.1, -0.4, -1.3, 0.7, -0.6))
evcens_d <- write_input("evcens", evcens_d)
fit_one("evcens", evcens_d, "efron")
fit_one("evcens", evcens_d, "breslow")

## 4. Perfect separation: every subject with x1 = 1 fails before any event
##    among x1 = 0, so the partial likelihood increases without bound in beta1
##    (monotone likelihood). R stops when the loglik stops changing and warns
##    "Loglik converged before variable 1; coefficient may be infinite."
sep_d <- data.frame(
  time   = c(1, 2, 3, 3, 4, 6, 7, 8, 9, 10, 11, 12),
  status = c(1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 1, 0),
  x1     = c(1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0))
sep_d <- write_input("sep", sep_d)
fit_one("sep", sep_d, "efron")
fit_one("sep", sep_d, "breslow")

## 4b. Separation in x1 with a well-behaved second covariate.
set.seed(2010)
sep2_d <- data.frame(
  time   = c(1:6, 8:21),
  status = c(rep(1, 6), rbinom(14, 1, 0.7)),
  x1     = c(rep(1, 6), rep(0, 14)),
  x2     = round(rnorm(20), 2))
sep2_d <- write_input("sep2", sep2_d)
fit_one("sep2", sep2_d, "efron")

## 4c. Non-convergence: the only event is the only subject with x1 = 1, so
##     loglik = -log(1 + 5 exp(-b)) tends to 0 and its relative change never
##     falls below 1e-9. R: "Ran out of iterations and did not converge", and
##     coxph()$iter is iter.max + 1 = 21.
noconv_d <- data.frame(time = 1:6, status = c(1, 0, 0, 0, 0, 0),
                       x1 = c(1, 0, 0, 0, 0, 0))
noconv_d <- write_input("noconv", noconv_d)
fit_one("noconv", noconv_d, "efron")

## 5. Generated data: 80 subjects, 3 covariates, integer days (with ties).
set.seed(20261101)
n <- 80
x1 <- rnorm(n)
x2 <- rbinom(n, 1, 0.4)
x3 <- runif(n, 0, 2)
lp <- 0.5 * x1 - 0.7 * x2 + 0.3 * x3
tev <- rexp(n, 0.02 * exp(lp))
tcen <- runif(n, 10, 120)
sim_d <- data.frame(time = pmax(1, ceiling(pmin(tev, tcen))),
                    status = as.integer(tev <= tcen),
                    x1 = x1, x2 = x2, x3 = x3)
sim_d <- write_input("sim3", sim_d)
fit_one("sim3", sim_d, "efron")
fit_one("sim3", sim_d, "breslow")

cox <- do.call(rbind, cox_rows)
write.csv(cox, "cox_expected.csv", row.names = FALSE, quote = FALSE)
warns <- do.call(rbind, warn_rows)
write.csv(warns, "cox_warnings.csv", row.names = FALSE, quote = FALSE)

## Rank correlations.
rank_rows <- list()
rank_one <- function(name, x, y) {
  f <- sprintf("rank_input_%s.csv", name)
  write.csv(data.frame(x = sprintf("%.17g", x), y = sprintf("%.17g", y)), f,
            row.names = FALSE, quote = FALSE)
  d <- read.csv(f)
  x <- d$x; y <- d$y
  q <- function(method) {
    exact <- NA
    p <- withCallingHandlers(
      cor.test(x, y, method = method)$p.value,
      warning = function(w) invokeRestart("muffleWarning"))
    # cor.test computes exact p-values only without ties (and n < 1290 for
    # Spearman, n < 50 for Kendall); otherwise a normal approximation.
    ties <- anyDuplicated(x) || anyDuplicated(y)
    exact <- !ties && ((method == "spearman" && length(x) < 1290) ||
                       (method == "kendall" && length(x) < 50))
    list(p = p, exact = exact)
  }
  ps <- q("spearman"); pk <- q("kendall")
  rank_rows[[length(rank_rows) + 1]] <<- data.frame(
    name = name, n = length(x),
    spearman = fmt(cor(x, y, method = "spearman")),
    kendall = fmt(cor(x, y, method = "kendall")),
    spearman_p = fmt(ps$p), spearman_p_exact = fmt(ps$exact),
    kendall_p = fmt(pk$p), kendall_p_exact = fmt(pk$exact),
    stringsAsFactors = FALSE)
}

set.seed(1945)
x <- sample(1:5, 60, replace = TRUE)
y <- x + sample(0:4, 60, replace = TRUE)
rank_one("ties", x, y)                     # many ties in both
x <- sample(1:3, 30, replace = TRUE)
y <- round(rnorm(30), 3)
rank_one("xties", x, y)                    # ties in x only
x <- c(rep(0, 10), rep(1, 10), rep(2, 5))
y <- c(rep(1, 6), rep(2, 9), rep(3, 10))
rank_one("heavyties", x, y)                # three values each
rank_one("exact8", c(3.1, 1.2, 5.5, 4.0, 2.7, 8.8, 6.1, 7.3),
         c(2.0, 1.0, 4.5, 6.2, 3.3, 7.7, 5.1, 8.0))   # no ties: exact p
rank_one("exact7neg", c(1, 2, 3, 4, 5, 6, 7), c(5.5, 7.1, 3.2, 4.4, 2.0, 1.5, 0.3))
x <- rnorm(300)
y <- round(x + rnorm(300), 1)
rank_one("n300", round(x, 1), y)          # larger, with ties

ranks <- do.call(rbind, rank_rows)
write.csv(ranks, "rank_expected.csv", row.names = FALSE, quote = FALSE)
