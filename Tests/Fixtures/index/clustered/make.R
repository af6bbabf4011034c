# Stratified cluster sample: 2 provinces (strata) x 8 villages (PSUs) x 14 respondents, with
# a village effect on satisfaction and weights. Services cut across villages, so each
# service is a domain spread over PSUs of both strata.
# Regenerate: cd Tests/Fixtures/index/clustered && Rscript make.R
source("../common.R")
d <- make_data(n_villages_per_province = 8, per_village = 14, weighted = TRUE, village_sd = 0.6, seed = 3)
write_data(d)
dd <- prepare(d)
des <- svydesign(ids = ~village, strata = ~province, weights = ~weight, nest = TRUE, data = dd)
write_expected(make_expected(d, des, complex = TRUE,
  call = "svydesign(ids = ~village, strata = ~province, weights = ~weight, nest = TRUE, data = d)"))
