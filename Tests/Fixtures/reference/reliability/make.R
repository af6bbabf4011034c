# Regenerates the reliability reference fixtures: Rscript make.R (from this folder).
# psych::alpha() on simulated 5-point items; numbers with 15 significant digits.
suppressMessages({library(psych); library(jsonlite)})
set.seed(1951)
n <- 80; k <- 5
f <- rnorm(n)
x <- sapply(1:k, function(j) pmin(5, pmax(1, round(3.2 + (0.5 + 0.15 * j) * f + rnorm(n, 0, 0.9)))))
colnames(x) <- paste0("c", 1:k)
x <- as.data.frame(x)
xm <- x
for (j in 1:k) xm[runif(n) < 0.08, j] <- NA
xm <- xm[rowSums(!is.na(xm)) > 0, ]   # no row without any answer (psych counts every row)

case <- function(name, data, a, call) {
  dir.create(name, showWarnings = FALSE)
  write.csv(data, file.path(name, "data.csv"), row.names = FALSE, na = "NA")
  res <- list(
    raw_alpha = a$total$raw_alpha, std_alpha = a$total$std.alpha,
    r_drop = unname(a$item.stats$r.drop),
    alpha_drop_raw = unname(a$alpha.drop$raw_alpha), alpha_drop_std = unname(a$alpha.drop$std.alpha),
    feldt_lower = a$feldt$lower.ci[[1]], feldt_upper = a$feldt$upper.ci[[1]], n = nrow(data),
    call = call,
    provenance = list(script = "Tests/Fixtures/reference/reliability/make.R", r = R.version.string,
                      psych = as.character(packageVersion("psych"))))
  writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, pretty = TRUE), file.path(name, "expected.json"))
}
case("complete", x, alpha(x), "psych::alpha(x)  # no missing answers; Feldt 95% from alpha.ci")
case("pairwise", xm, alpha(xm), "psych::alpha(x)  # default use = \"pairwise\"")
xl <- na.omit(xm)
case("listwise", xl, alpha(xl), "psych::alpha(na.omit(x))  # listwise: complete rows only")
