# Weights only: 240 respondents, weights between 0.5 and 4.8 (heavier in province P2).
# Shares get Wilson intervals on the effective n = p(1-p)/V, V the design variance.
# Regenerate: cd Tests/Fixtures/index/weighted && Rscript make.R
source("../common.R")
d <- make_data(n_villages_per_province = 6, per_village = 20, weighted = TRUE, village_sd = 0, seed = 2)
write_data(d)
dd <- prepare(d)
des <- svydesign(ids = ~1, weights = ~weight, data = dd)
write_expected(make_expected(d, des, complex = TRUE, call = "svydesign(ids = ~1, weights = ~weight, data = d)"))
