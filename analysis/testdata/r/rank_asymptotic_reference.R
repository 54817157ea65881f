# Reference for the large-sample rank-correlation p-values
# (analysis/rankasym.go), used above MaxRankPermN pairs:
# R's cor.test(method = "spearman", exact = FALSE), the t approximation
# t = rho * sqrt((n - 2) / (1 - rho^2)) on n - 2 degrees of freedom, and
# cor.test(method = "kendall", exact = FALSE), the normal approximation of
# Kendall's score with the variance corrected for ties.
# Inputs are generated here, the same way the Go test generates them:
# x_i = i mod 7, y_i = (37 i mod 101) + k (i mod 7), k = 0, 1, 3, i = 1..n.
out <- NULL
for (n in c(201, 500, 1001, 1500, 5000)) for (k in c(0, 1, 3)) {
  i <- 1:n
  x <- i %% 7
  y <- (37 * i) %% 101 + k * (i %% 7)
  s <- suppressWarnings(cor.test(x, y, method = "spearman", exact = FALSE))
  kt <- suppressWarnings(cor.test(x, y, method = "kendall", exact = FALSE))
  out <- rbind(out, data.frame(n = n, k = k, rho = unname(s$estimate), p = s$p.value,
                               tau = unname(kt$estimate), p_kendall = kt$p.value))
}
write.csv(out, "rank_asymptotic.csv", row.names = FALSE)
