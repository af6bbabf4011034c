# Three unweighted waves (simple random samples, no design): 2 provinces x 8 villages x 15
# respondents each, from the index fixtures' generator with new seeds, and changes put in:
# 2023: service s1's a1 up; 2024: s1's a1 up again, s2's a2 up, s3's b1 down.
# Writes wave-<year>.csv, expected-means.json (means of single items) and expected-R.json (aggregates: difference of linearized estimates;
# the trend of each wave's whole-sample overall and A by lm(y ~ t, weights = 1/se^2)).
# Criteria (Newcombe, score test, multipletests) are in make.py, which reads these CSVs.
# Regenerate: cd Tests/Fixtures/compare/unweighted && Rscript make.R && python3 make.py
source("../common.R")
d22 <- make_data(n_villages_per_province = 8, per_village = 15, weighted = FALSE, village_sd = 0, seed = 21)
d23 <- make_data(n_villages_per_province = 8, per_village = 15, weighted = FALSE, village_sd = 0, seed = 22)
d23 <- shift(d23, "s1", "a1", 15)
d24 <- make_data(n_villages_per_province = 8, per_village = 15, weighted = FALSE, village_sd = 0, seed = 23)
d24 <- shift(d24, "s1", "a1", 30); d24 <- shift(d24, "s2", "a2", 20); d24 <- shift(d24, "s3", "b1", 15, up = FALSE)
waves <- list("2022" = d22, "2023" = d23, "2024" = d24)
for (w in names(waves)) write_data(waves[[w]], paste0("wave-", w, ".csv"))
nums <- lapply(waves, function(d) wave_numbers(d, svydesign(ids = ~1, data = prepare(d)), complex = FALSE))
steps <- list(
  list(from = "2022", to = "2023", groups = step_numbers(nums[["2022"]], nums[["2023"]], "aggregates", c("A", "B", "overall"))),
  list(from = "2023", to = "2024", groups = step_numbers(nums[["2023"]], nums[["2024"]], "aggregates", c("A", "B", "overall"))))
trend <- function(id) {
  y <- sapply(nums, function(w) w[[1]]$aggregates[[id]]$value)
  se <- sapply(nums, function(w) w[[1]]$aggregates[[id]]$se)
  t <- c(2022, 2023, 2024)
  fit <- lm(y ~ t, weights = 1 / se^2)
  s <- summary(fit)
  b <- coef(s)["t", ]
  known <- b[["Std. Error"]] / s$sigma   # variances known: drop lm's residual scale
  list(t = t, y = unname(y), se = unname(se), slope = b[["Estimate"]], seKnown = known,
       pKnown = 2 * pnorm(-abs(b[["Estimate"]] / known)), seLm = b[["Std. Error"]], pLm = b[["Pr(>|t|)"]],
       residualQ = sum(weights(fit) * residuals(fit)^2))
}
writeLines(toJSON(list(
  generator = "make.R (sources ../common.R and ../../index/common.R)", r = R.version.string,
  survey = as.character(packageVersion("survey")), design = "svydesign(ids = ~1, data = d) per wave",
  steps = steps, trend = list(overall = trend("overall"), A = trend("A"))),
  auto_unbox = TRUE, digits = NA, pretty = TRUE), "expected-R.json")

# Means of single items (measure "mean"), 2023 -> 2024: svymean of the keyed values per wave
# (na.rm = TRUE), combined as above. Written to expected-means.json.
writeLines(toJSON(list(generator = "make.R", r = R.version.string, survey = as.character(packageVersion("survey")),
  call = "svymean(~val_a1, subset(svydesign(ids = ~1, data = wave), service == s), na.rm = TRUE) per wave",
  steps = list(list(from = "2023", to = "2024",
    groups = step_numbers(nums[["2023"]], nums[["2024"]], "means", c("a1", "a2", "a3", "b1", "b2", "q0"))))),
  auto_unbox = TRUE, digits = NA, pretty = TRUE), "expected-means.json")
