# Reference intervals from R survey's svyciprop on small designs made here.
# Writes input.csv (the data) and expected.json (per design x variable x level: the share,
# its standard error, degf, nrow, and the intervals for methods "logit", "beta" (R's
# Korn-Graubard) and "mean" (the t interval)).
# The Swift test feeds the share, SE, degf and nrow R reports into satkit's interval
# functions; the design-based variance itself is tested elsewhere.
# Run from this folder: Rscript make.R
suppressPackageStartupMessages(library(survey))

# A small JSON writer that keeps all 17 significant digits (jsonlite stops at 15).
to_json <- function(x, indent = "") {
  inner <- paste0(indent, "  ")
  if (is.list(x) && !is.null(names(x))) {
    items <- vapply(names(x), function(k) paste0(inner, '"', k, '": ', to_json(x[[k]], inner)), "")
    return(paste0("{\n", paste(items, collapse = ",\n"), "\n", indent, "}"))
  }
  if (is.list(x)) {
    items <- vapply(x, function(v) paste0(inner, to_json(v, inner)), "")
    return(paste0("[\n", paste(items, collapse = ",\n"), "\n", indent, "]"))
  }
  if (is.character(x)) return(paste0('"', gsub('"', '\\\\"', x), '"'))
  vals <- sprintf("%.17g", x)
  if (length(x) == 1) vals else paste0("[", paste(vals, collapse = ", "), "]")
}
set.seed(20261122)

strata <- rep(c("N", "C", "S", "H"), times = c(3, 3, 4, 2))
psu_size <- c(6, 9, 5, 7, 8, 4, 6, 9, 7, 5, 8, 6)
rows <- list()
for (k in seq_along(strata)) {
  m <- psu_size[k]
  village <- rnorm(1, 0, 0.8)                      # cluster effect: answers within a village alike
  rows[[k]] <- data.frame(
    stratum = strata[k], psu = k,
    w = round(runif(m, 20, 120), 2),
    satisfied = as.integer(runif(m) < plogis(1.6 + village)),
    rare = as.integer(runif(m) < plogis(3.2 + village)),
    complaint = as.integer(runif(m) < plogis(-2.6 + village)),
    region = ifelse(strata[k] %in% c("N", "C"), "north", "south"))
}
d <- do.call(rbind, rows)
write.csv(d, "input.csv", row.names = FALSE)

designs <- list(
  clustered = svydesign(ids = ~psu, strata = ~stratum, weights = ~w, data = d, nest = TRUE),
  weighted = svydesign(ids = ~1, weights = ~w, data = d),
  srs = svydesign(ids = ~1, probs = ~1, data = d))
designs$domain_north <- subset(designs$clustered, region == "north")

cases <- list()
for (dn in names(designs)) {
  des <- designs[[dn]]
  for (v in c("satisfied", "rare", "complaint")) {
    f <- as.formula(paste0("~", v))
    m <- svymean(f, des)
    p <- unname(coef(m)[1]); se <- unname(sqrt(vcov(m)[1, 1]))
    if (p <= 0 || p >= 1) next
    for (lev in c(0.95, 0.90)) {
      ci <- function(method) {
        r <- svyciprop(f, des, method = method, level = lev)
        unname(attr(r, "ci"))
      }
      logit <- {
        fit <- svyglm(as.formula(paste0(v, " ~ 1")), des, family = quasibinomial,
                      control = glm.control(epsilon = 1e-15, maxit = 100))
        as.vector(plogis(confint(fit, 1, level = lev, method = "Wald", ddf = degf(des))))
      }
      cases[[length(cases) + 1]] <- list(
        design = dn, variable = v, level = lev,
        proportion = p, standardError = se, degf = degf(des), nrow = nrow(des),
        logit = ci("logit"), logitTightIRLS = logit, beta = ci("beta"), mean = ci("mean"))
    }
  }
}
out <- list(
  tools = list(R = R.version.string, survey = as.character(packageVersion("survey"))),
  calls = list(
    logit = "svyciprop(~v, design, method = 'logit', level = level)",
    logitTightIRLS = "plogis(confint(svyglm(v ~ 1, design, family = quasibinomial, control = glm.control(epsilon = 1e-15, maxit = 100)), 1, level = level, method = 'Wald', ddf = degf(design)))",
    beta = "svyciprop(~v, design, method = 'beta', level = level)",
    mean = "svyciprop(~v, design, method = 'mean', level = level)  # confint(svymean, df = degf)"),
  cases = cases)
writeLines(to_json(out), "expected.json")
cat(length(cases), "cases\n")
