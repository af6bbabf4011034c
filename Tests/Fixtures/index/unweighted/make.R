# Unweighted simple random sample of 240 respondents, with a small service `s4` (12
# respondents, below minValidN = 30: suppressed but still computed and counted).
# Regenerate: cd Tests/Fixtures/index/unweighted && Rscript make.R
source("../common.R")
d <- make_data(n_villages_per_province = 6, per_village = 20, weighted = FALSE, village_sd = 0, seed = 1, small_service = TRUE)
write_data(d)
dd <- prepare(d)
des <- suppressWarnings(svydesign(ids = ~1, data = dd))
write_expected(make_expected(d, des, complex = FALSE, call = "svydesign(ids = ~1, data = d)"))
