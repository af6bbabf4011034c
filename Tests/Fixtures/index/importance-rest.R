# Importance without an overall item: each criterion's weighted Pearson correlation with the
# rest score, the mean of the other criteria of its aspect that the respondent answered
# (keyed values), over respondents with a valid answer and a rest score
# (Tests/SatisfactionIndexTests/IndexOracleTests.swift, importanceWithoutOverallItem).
# Writes <case>/importance-rest.json. Regenerate: cd Tests/Fixtures/index && Rscript importance-rest.R
source("common.R")
aspects <- list(a1 = c("a2", "a3"), a2 = c("a1", "a3"), a3 = c("a1", "a2"), b1 = "b2", b2 = "b1")
for (name in c("unweighted", "weighted", "clustered")) {
  d <- prepare(read.csv(file.path(name, "data.csv"), stringsAsFactors = FALSE))
  out <- list(generator = "importance-rest.R (sources common.R)", r = R.version.string)
  for (col in names(aspects)) {
    others <- as.matrix(d[, paste0("val_", aspects[[col]]), drop = FALSE])
    rest <- rowMeans(others, na.rm = TRUE)            # NaN when no other criterion answered
    x <- d[[paste0("val_", col)]]
    ok <- !is.na(x) & !is.na(rest) & d$weight != 0
    r <- cov.wt(cbind(x[ok], rest[ok]), wt = d$weight[ok], cor = TRUE)$cor[1, 2]
    out[[col]] <- list(importance = r, n = sum(ok))
  }
  writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(name, "importance-rest.json"))
}
