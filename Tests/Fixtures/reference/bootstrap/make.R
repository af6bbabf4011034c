# Regenerates Tests/Fixtures/reference/bootstrap/subbootstrap: Rscript make.R (from this folder).
# R survey's own Rao–Wu bootstrap (as.svrepdesign type = "subbootstrap") on the
# stratified-clustered design fixture, with its linearization SEs beside it. R's bootstrap SEs are
# random (seeded here); satkit's, from its own generator, must agree with them within the Monte
# Carlo error of two independent bootstrap estimates.
suppressMessages({library(survey); library(jsonlite)})
d <- read.csv("../design/stratified-clustered/data.csv")
ds <- svydesign(ids = ~psu, strata = ~stratum, weights = ~w, nest = TRUE, data = d)
set.seed(1988)
R <- 4000
rep <- as.svrepdesign(ds, type = "subbootstrap", replicates = R)
se <- function(s) unname(sqrt(diag(as.matrix(vcov(s)))))[1]
res <- list(
  replicates = R,
  boot_mean_y_se = se(svymean(~y, rep)), lin_mean_y_se = se(svymean(~y, ds)),
  boot_total_y_se = se(svytotal(~y, rep)), lin_total_y_se = se(svytotal(~y, ds)),
  boot_ratio_y_x_se = sqrt(as.numeric(vcov(svyratio(~y, ~x, rep)))),
  lin_ratio_y_x_se = sqrt(as.numeric(vcov(svyratio(~y, ~x, ds)))),
  call = "as.svrepdesign(svydesign(ids = ~psu, strata = ~stratum, weights = ~w, nest = TRUE, data = d), type = \"subbootstrap\", replicates = 4000)",
  provenance = list(script = "Tests/Fixtures/reference/bootstrap/make.R", data = "../design/stratified-clustered/data.csv",
                    seed = 1988, r = R.version.string, survey = as.character(packageVersion("survey"))))
writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, pretty = TRUE), "subbootstrap/expected.json")
