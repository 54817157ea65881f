# firth_reference.R writes firth_expected.csv, which firth_test.go compares
# FirthCox with. coxphf is not packaged for Debian, so this is an
# independent implementation of the same method (Heinze & Schemper 2001,
# the defaults of coxphf): the Breslow partial log-likelihood and its
# information computed directly over each event's risk set, the penalised
# log-likelihood l*(b) = l(b) + log(det(I(b)))/2 maximised numerically
# (optimize for one covariate, optim BFGS from several starts for more),
# profile limits by uniroot on 2*(l*max - profile) = qchisq(0.95, 1), and
# the penalised likelihood-ratio test of each b_j = 0 against the profile.
# Nothing here shares code or derivatives with the Go implementation.
#
# Regenerate: cd analysis/testdata/r && Rscript firth_reference.R
#
# Inputs: cox_input_<name>.csv (cox_reference.R) and deals_input.csv
# (breakdown as the event; expiry and supersession censored).
# Output: name,term,coef,se,lower,upper,chisq,p,loglik0,loglik,lr_chisq
# (lower/upper are hazard-ratio limits; 15 significant digits).
cat(R.version.string, "\n")
fmt <- function(v) ifelse(is.na(v), "NA", sprintf("%.15g", v))

# Breslow log partial likelihood and information at b.
pl <- function(b, time, status, X) {
  eta <- drop(X %*% b)
  w <- exp(eta)
  ll <- 0
  I <- matrix(0, ncol(X), ncol(X))
  for (i in which(status == 1)) {
    r <- time >= time[i]
    s0 <- sum(w[r])
    m <- colSums(w[r] * X[r, , drop = FALSE]) / s0
    ll <- ll + eta[i] - log(s0)
    Xc <- sweep(X[r, , drop = FALSE], 2, m)
    I <- I + crossprod(Xc * sqrt(w[r])) / s0
  }
  list(ll = ll, I = I)
}
pen <- function(b, d) {
  v <- pl(b, d$time, d$status, d$X)
  dt <- det(v$I)
  if (!is.finite(dt) || dt <= 0) return(-Inf)
  v$ll + log(dt) / 2
}

fit_max <- function(d, fixed = NULL, at = 0) {
  p <- ncol(d$X)
  idx <- setdiff(seq_len(p), fixed)
  full <- function(bf) { b <- numeric(p); b[idx] <- bf; if (!is.null(fixed)) b[fixed] <- at; b }
  if (length(idx) == 0) return(list(b = full(numeric(0)), val = pen(full(numeric(0)), d)))
  if (length(idx) == 1) {
    o <- optimize(function(x) pen(full(x), d), c(-15, 15), maximum = TRUE, tol = 1e-13)
    return(list(b = full(o$maximum), val = o$objective))
  }
  best <- NULL
  for (s in list(numeric(length(idx)), rep(0.5, length(idx)), rep(-0.5, length(idx)))) {
    o <- optim(s, function(x) -pen(full(x), d), method = "BFGS",
               control = list(reltol = 1e-16, maxit = 10000))
    o <- optim(o$par, function(x) -pen(full(x), d), method = "Nelder-Mead",
               control = list(reltol = 1e-16, maxit = 20000))
    o <- optim(o$par, function(x) -pen(full(x), d), method = "BFGS",
               control = list(reltol = 1e-16, maxit = 10000, ndeps = rep(1e-5, length(idx))))
    if (is.null(best) || -o$value > best$val) best <- list(b = full(o$par), val = -o$value)
  }
  best
}

rows <- list()
firth <- function(name, d) {
  X <- as.matrix(d[, setdiff(names(d), c("id", "time", "status")), drop = FALSE])
  dd <- list(time = d$time, status = d$status, X = X)
  m <- fit_max(dd)
  l0 <- pen(numeric(ncol(X)), dd)
  se <- sqrt(diag(solve(pl(m$b, dd$time, dd$status, X)$I)))
  q <- qchisq(0.95, 1)
  for (j in seq_len(ncol(X))) {
    prof <- function(b) 2 * (m$val - fit_max(dd, j, b)$val) - q
    bj <- m$b[j]
    step <- max(se[j], 0.1)
    lim <- function(dir) {
      inner <- bj; outer <- bj + dir * step
      while (prof(outer) < 0) { inner <- outer; outer <- bj + dir * 2 * abs(outer - bj) }
      uniroot(prof, sort(c(inner, outer)), tol = 1e-12)$root
    }
    chisq <- 2 * (m$val - fit_max(dd, j, 0)$val)
    rows[[length(rows) + 1]] <<- data.frame(
      name = name, term = colnames(X)[j], coef = fmt(bj), se = fmt(se[j]),
      lower = fmt(exp(lim(-1))), upper = fmt(exp(lim(1))),
      chisq = fmt(chisq), p = fmt(pchisq(chisq, 1, lower.tail = FALSE)),
      loglik0 = fmt(l0), loglik = fmt(m$val), lr_chisq = fmt(2 * (m$val - l0)))
  }
}

for (nm in c("aml", "sep", "noconv", "evcens")) firth(nm, read.csv(sprintf("cox_input_%s.csv", nm)))
firth("sep2", read.csv("cox_input_sep2.csv"))
sim <- read.csv("cox_input_sim3.csv")
firth("sim2", sim[, c("time", "status", "x1", "x2")])

deals <- read.csv("deals_input.csv", check.names = FALSE)
deals$status <- as.integer(deals$status == 1)  # breakdown; other endings censored
# Every concession and commitment held by at least 2 deals and missing from
# at least 2 (the 19 categories of padjust_deals.csv), and checkpoint
# removal adjusted for the start year (era).
cats <- grep("^(has|commits):", names(deals), value = TRUE)
cats <- cats[sapply(cats, function(c) sum(deals[[c]]) >= 2 && sum(1 - deals[[c]]) >= 2)]
for (cat in cats) firth(paste0("deals_", cat), deals[, c("time", "status", cat)])
# (start year minus 2010: the fit does not depend on the origin, and exp()
# of b * 2010 would overflow).
deals$start_year <- deals$start_year - 2010
firth("deals_era_has:checkpoint-removal", deals[, c("time", "status", "has:checkpoint-removal", "start_year")])
out <- do.call(rbind, rows)
write.csv(out, "firth_expected.csv", row.names = FALSE, quote = FALSE)
print(out[grepl("^deals", out$name), c("name", "term", "coef", "lower", "upper", "p")], row.names = FALSE)
