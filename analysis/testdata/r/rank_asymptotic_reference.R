# Reference for the large-sample Spearman p-value (analysis/rankasym.go):
# R's cor.test(method = "spearman", exact = FALSE), the t approximation
# t = rho * sqrt((n - 2) / (1 - rho^2)) on n - 2 degrees of freedom.
# Inputs are generated here, the same way the Go test generates them:
# x_i = i mod 7, y_i = (37 i mod 101) + k (i mod 7), k = 1, 3, i = 1..n.
out <- NULL
for (n in c(1001, 1500, 5000)) for (k in c(1, 3)) {
  i <- 1:n
  x <- i %% 7
  y <- (37 * i) %% 101 + k * (i %% 7)
  ct <- suppressWarnings(cor.test(x, y, method = "spearman", exact = FALSE))
  out <- rbind(out, data.frame(n = n, k = k, rho = unname(ct$estimate), p = ct$p.value))
}
write.csv(out, "rank_asymptotic.csv", row.names = FALSE)
