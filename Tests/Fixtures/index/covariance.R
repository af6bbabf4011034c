# The design covariance of the groups' estimates, R `vcov(svyby(..., covmat = TRUE))`, for the
# normal-approximation rank intervals (Tests/SatisfactionIndexTests/GroupCovarianceTests.swift).
# Reads each case's data.csv, builds the design of its make.R and writes <case>/covariance.json:
# - a1: the share satisfied with criterion a1 per service, Y_a1/V_a1 (satisfied answers over
#   valid answers);
# - overall: the mean-of-children overall index per service, the contrast
#   (a1 + a2 + a3)/6 + (b1 + b2)/4 of the item ratios Y_k/V_k. svyby(svyratio, covmat = TRUE)
#   fails on these data in survey 4.1.1 ("number of items to replace is not a multiple of
#   replacement length"), so the ratios' covariance is the delta method on R's covariance of
#   the domain totals (svyby(svytotal, covmat = TRUE)): gradient 1/V_k on Y_k and -Y_k/V_k^2
#   on V_k, then K V Kᵀ.
# Regenerate: cd Tests/Fixtures/index && Rscript covariance.R
source("common.R")
designs <- list(
  unweighted = function(dd) suppressWarnings(svydesign(ids = ~1, data = dd)),
  weighted = function(dd) svydesign(ids = ~1, weights = ~weight, data = dd),
  clustered = function(dd) svydesign(ids = ~village, strata = ~province, weights = ~weight, nest = TRUE, data = dd))
for (name in names(designs)) {
  d <- read.csv(file.path(name, "data.csv"), stringsAsFactors = FALSE)
  dd <- prepare(d)
  des <- designs[[name]](dd)
  services <- sort(unique(dd$service))
  ys <- paste0("y_", c("a1", "a2", "a3", "b1", "b2")); vs <- sub("^y_", "v_", ys)
  tot <- svyby(as.formula(paste("~", paste(c(ys, vs), collapse = " + "))), ~service, des, svytotal, covmat = TRUE)
  Vt <- vcov(tot); est <- coef(tot)
  weights <- c(a1 = 1/6, a2 = 1/6, a3 = 1/6, b1 = 1/4, b2 = 1/4)
  # Gradient of each service's overall index with respect to every domain total.
  G <- matrix(0, length(services), length(est), dimnames = list(services, names(est)))
  overall <- setNames(numeric(length(services)), services)
  for (s in services) for (k in names(weights)) {
    Y <- est[[paste0(s, ":y_", k)]]; V <- est[[paste0(s, ":v_", k)]]
    overall[[s]] <- overall[[s]] + weights[[k]] * Y / V
    G[s, paste0(s, ":y_", k)] <- weights[[k]] / V
    G[s, paste0(s, ":v_", k)] <- -weights[[k]] * Y / V^2
  }
  C <- G %*% Vt %*% t(G)
  Ga1 <- matrix(0, length(services), length(est), dimnames = list(services, names(est)))
  a1 <- setNames(numeric(length(services)), services)
  for (s in services) {
    Y <- est[[paste0(s, ":y_a1")]]; V <- est[[paste0(s, ":v_a1")]]
    a1[[s]] <- Y / V
    Ga1[s, paste0(s, ":y_a1")] <- 1 / V
    Ga1[s, paste0(s, ":v_a1")] <- -Y / V^2
  }
  Ca1 <- Ga1 %*% Vt %*% t(Ga1)
  # The diagonal is each service's variance: the same SE as svyby(svymean, na.rm = TRUE).
  check <- svyby(~sat_a1, ~service, des, svymean, na.rm = TRUE)
  stopifnot(isTRUE(all.equal(unname(sqrt(diag(Ca1))), as.numeric(SE(check)), tolerance = 1e-10)))
  out <- list(
    generator = "covariance.R (sources common.R)", r = R.version.string,
    survey = as.character(packageVersion("survey")), design = paste(trimws(deparse(des$call)), collapse = " "),
    services = services,
    a1 = list(value = unname(a1), covariance = unname(Ca1)),
    overall = list(value = as.numeric(overall), covariance = unname(C)))
  writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(name, "covariance.json"))
}
