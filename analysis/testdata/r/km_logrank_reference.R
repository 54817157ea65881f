# km_logrank_reference.R writes the reference values that km_test.go and
# logrank_test.go compare KaplanMeier and LogRank with.
#
# Regenerate (needs R with the survival package; the Go tests do not):
#
#   cd analysis/testdata/r && Rscript km_logrank_reference.R
#
# Generated with R 4.2.2 Patched (2022-11-10 r83330) and survival 3.5.3.
#
# Outputs, all in this folder, numbers printed with 15 significant digits
# ("NA" where R gives NA, "NaN" where R gives NaN):
#   input_<name>.csv   the data set: time,status,group (status 1 = event)
#   km_<name>.csv      summary(survfit(Surv(time, status) ~ 1), censored = TRUE)
#                      for every group of the set and for the pooled set
#                      (group "(all)"): group,time,n_risk,n_event,n_censor,
#                      surv,std_err,lower,upper (conf.type = "log", 95%)
#   km_aml_conf90.csv  the same for aml's groups with conf.int = 0.90
#   km_summary.csv     name,group,tau,median,median_lower,median_upper,
#                      median_quantile,rmean,rmean_se: the median and its
#                      0.95LCL/0.95UCL as print(survfit) gives them
#                      (survival:::survmean), the median from
#                      quantile(survfit, 0.5) (differs when the curve ends at
#                      exactly 0.5), and *rmean / *se(rmean) from
#                      print(survfit, rmean = tau)
#   logrank.csv        name,chisq,df,p,error from survdiff(Surv(time, status)
#                      ~ group); error is R's message when survdiff fails
#   logrank_groups.csv name,group,n,observed,expected,variance (the diagonal
#                      of survdiff's variance matrix)
suppressPackageStartupMessages(library(survival))

fmt <- function(x) {
  if (is.character(x)) return(x)
  out <- sprintf("%.15g", x)
  out[is.na(x) & !is.nan(x)] <- "NA"
  out[is.nan(x)] <- "NaN"
  out
}

write_csv <- function(df, file) {
  for (j in seq_along(df)) df[[j]] <- fmt(df[[j]])
  write.csv(df, file, row.names = FALSE, quote = FALSE)
}

sets <- list()

# R's aml data (survival package): maintenance chemotherapy for AML.
sets$aml <- data.frame(time = aml$time, status = aml$status,
                       group = as.character(aml$x))

# Tied event times, including an event at time 0 and a time where every
# subject at risk in a group fails.
sets$ties <- data.frame(
  time   = c(0, 2, 2, 2, 3, 3, 5, 5, 5, 5, 8, 8, 10, 10,
             1, 2, 2, 4, 4, 4, 5, 5, 7, 7, 9, 9, 9),
  status = c(1, 1, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1,
             1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1),
  group  = c(rep("a", 14), rep("b", 13)))

# Events and censorings at the same times.
sets$event_censor_ties <- data.frame(
  time   = c(3, 3, 3, 6, 6, 6, 6, 9, 9, 12, 12, 12, 15, 15,
             3, 3, 6, 6, 9, 9, 9, 12, 12, 15, 18, 18),
  status = c(1, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0,
             1, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0),
  group  = c(rep("x", 14), rep("y", 12)))

# A group whose every member is censored (group "c"), beside two others.
sets$all_censored_group <- data.frame(
  time   = c(4, 7, 9, 12, 15, 20, 22, 30,
             2, 5, 6, 8, 11, 13, 14, 18,
             6, 10, 16, 25),
  status = c(1, 0, 1, 1, 0, 1, 0, 1,
             1, 1, 1, 0, 1, 1, 1, 0,
             0, 0, 0, 0),
  group  = c(rep("a", 8), rep("b", 8), rep("c", 4)))

# A single group: KM works, survdiff (and LogRank) refuse.
sets$single_group <- data.frame(
  time   = c(5, 8, 8, 12, 15, 21, 21, 30, 34, 40, 47, 52),
  status = c(1, 1, 0, 1, 0, 1, 1, 0, 1, 1, 0, 1),
  group  = "only")

# Four groups of different sizes.
sets$four_groups <- data.frame(
  time   = c(3, 6, 9, 12, 14, 20,
             2, 4, 4, 7, 10, 11, 16, 19, 23,
             5, 8, 13, 17, 22, 26, 28,
             1, 3, 5, 6, 9),
  status = c(1, 1, 0, 1, 1, 0,
             1, 1, 1, 0, 1, 1, 1, 0, 1,
             1, 0, 1, 1, 0, 1, 0,
             1, 1, 1, 0, 1),
  group  = c(rep("d1", 6), rep("d2", 9), rep("d3", 7), rep("d4", 5)))

# Median edges. "end_half": the curve reaches exactly 0.5 and the last
# observations are censored (print(survfit) and quantile() disagree).
# "flat_half": the curve is exactly 0.5 on an interval, then drops (the
# median is the midpoint to the next event time). "to_zero": the last
# subjects at risk all fail (S = 0, R's std.err NaN, CI NA).
sets$median_edges <- data.frame(
  time   = c(1, 2, 3, 4, 5, 6,
             1, 2, 3, 4, 7, 9,
             2, 4, 4, 6, 6),
  status = c(1, 1, 1, 0, 0, 0,
             1, 1, 1, 0, 1, 0,
             1, 0, 1, 1, 1),
  group  = c(rep("end_half", 6), rep("flat_half", 6), rep("to_zero", 5)))

# Last observation censored, median not reached in one group.
sets$last_censored <- data.frame(
  time   = c(2, 4, 7, 9, 11, 15, 18, 25,
             3, 5, 6, 10, 14, 19, 24),
  status = c(1, 0, 1, 0, 0, 1, 0, 0,
             1, 1, 0, 1, 1, 0, 0),
  group  = c(rep("early", 8), rep("late", 7)))

# Generated: 60 deals, three groups, exponential times rounded to whole
# days (so there are ties), uniform censoring.
set.seed(20261101)
n <- 60
g <- rep(c("g1", "g2", "g3"), each = 20)
rate <- c(g1 = 1/300, g2 = 1/200, g3 = 1/120)[g]
ev <- ceiling(rexp(n, rate))
cen <- ceiling(runif(n, 50, 600))
sets$random60 <- data.frame(time = pmin(ev, cen),
                            status = as.integer(ev <= cen), group = g)

taus <- list(aml = c(40, 200), ties = c(6, 20), event_censor_ties = c(10, 20),
             all_censored_group = c(12, 35), single_group = c(25, 60),
             four_groups = c(10, 30), median_edges = c(3.5, 10),
             last_censored = c(12, 30), random60 = c(180, 700))

summ <- list(); lr <- list(); lrg <- list()
for (name in names(sets)) {
  d <- sets[[name]]
  write_csv(d, sprintf("input_%s.csv", name))
  groups <- sort(unique(d$group))
  km <- list()
  for (gname in c(groups, "(all)")) {
    sub <- if (gname == "(all)") d else d[d$group == gname, ]
    f <- survfit(Surv(time, status) ~ 1, data = sub)
    s <- summary(f, censored = TRUE)
    km[[gname]] <- data.frame(group = gname, time = s$time, n_risk = s$n.risk,
      n_event = s$n.event, n_censor = s$n.censor, surv = s$surv,
      std_err = s$std.err, lower = s$lower, upper = s$upper)
    q <- quantile(f, 0.5)
    for (tau in taus[[name]]) {
      m <- survival:::survmean(f, rmean = tau)$matrix
      summ[[length(summ) + 1]] <- data.frame(name = name, group = gname,
        tau = tau, median = m[["median"]], median_lower = m[["0.95LCL"]],
        median_upper = m[["0.95UCL"]], median_quantile = unname(q$quantile),
        rmean = m[["rmean"]], rmean_se = m[["se(rmean)"]])
    }
    if (name == "aml" && gname != "(all)") {
      f90 <- survfit(Surv(time, status) ~ 1, data = sub, conf.int = 0.90)
      s90 <- summary(f90, censored = TRUE)
      km90 <- data.frame(group = gname, time = s90$time, lower = s90$lower,
                         upper = s90$upper)
      if (gname == groups[1]) aml90 <- km90 else aml90 <- rbind(aml90, km90)
    }
  }
  write_csv(do.call(rbind, km), sprintf("km_%s.csv", name))
  sd <- tryCatch(survdiff(Surv(time, status) ~ group, data = d),
                 error = function(e) e)
  if (inherits(sd, "error")) {
    lr[[name]] <- data.frame(name = name, chisq = NA, df = NA, p = NA,
                             error = conditionMessage(sd))
  } else {
    df <- sum(sd$exp > 0) - 1
    lr[[name]] <- data.frame(name = name, chisq = sd$chisq, df = df,
                             p = sd$pvalue, error = "")
    lrg[[name]] <- data.frame(name = name,
      group = sub("^group=", "", names(sd$n)), n = as.vector(sd$n),
      observed = sd$obs, expected = sd$exp, variance = diag(sd$var))
  }
}
write_csv(aml90, "km_aml_conf90.csv")
write_csv(do.call(rbind, summ), "km_summary.csv")
write_csv(do.call(rbind, lr), "logrank.csv")
write_csv(do.call(rbind, lrg), "logrank_groups.csv")
