# Two stratified cluster samples with weights (2 provinces = strata x 8 villages = PSUs x 14
# respondents, a village effect), as the index fixtures' clustered case, one per wave; in
# 2024 service s1's a1 goes up and s3's b1 down. Each wave is its own design:
#   svydesign(ids = ~village, strata = ~province, weights = ~weight, nest = TRUE, data = wave)
# and a change is the difference of the two waves' estimates with var = var1 + var2 (see
# ../common.R). Criteria: svymean of the satisfied indicator; aggregates: svycontrast.
# Regenerate: cd Tests/Fixtures/compare/clustered && Rscript make.R
source("../common.R")
d23 <- make_data(n_villages_per_province = 8, per_village = 14, weighted = TRUE, village_sd = 0.6, seed = 3)
d24 <- make_data(n_villages_per_province = 8, per_village = 14, weighted = TRUE, village_sd = 0.6, seed = 31)
d24 <- shift(d24, "s1", "a1", 20); d24 <- shift(d24, "s3", "b1", 12, up = FALSE)
write_data(d23, "wave-2023.csv"); write_data(d24, "wave-2024.csv")
design <- function(d) svydesign(ids = ~village, strata = ~province, weights = ~weight, nest = TRUE, data = prepare(d))
n23 <- wave_numbers(d23, design(d23), complex = TRUE)
n24 <- wave_numbers(d24, design(d24), complex = TRUE)
writeLines(toJSON(list(
  generator = "make.R (sources ../common.R and ../../index/common.R)", r = R.version.string,
  survey = as.character(packageVersion("survey")),
  design = "svydesign(ids = ~village, strata = ~province, weights = ~weight, nest = TRUE, data = wave) per wave",
  steps = list(list(from = "2023", to = "2024",
    criteria = step_numbers(n23, n24, "criteria", c("a1", "a2", "a3", "b1", "b2", "q0")),
    aggregates = step_numbers(n23, n24, "aggregates", c("A", "B", "overall"))))),
  auto_unbox = TRUE, digits = NA, pretty = TRUE), "expected.json")
