# Regenerates the design-based reference fixtures in this folder:
#   Rscript make.R      (run from this folder)
# Each case folder holds data.csv (input), expected.json (numbers from R survey) with the
# exact calls and versions. Numbers are written with 15 significant digits (jsonlite digits=NA).
suppressMessages({library(survey); library(jsonlite)})

set.seed(20261122)
make_data <- function(strata, psus_per_stratum) {
  rows <- list()
  for (h in seq_along(strata)) {
    for (j in seq_len(psus_per_stratum[h])) {
      m <- sample(3:9, 1)
      psu_effect <- rnorm(1, 0, 3)
      p_psu <- plogis(1.5 + rnorm(1, 0, 0.8))
      rows[[length(rows) + 1]] <- data.frame(
        stratum = strata[h], psu = paste0("v", j), 
        y = round(50 + 4 * h + psu_effect + rnorm(m, 0, 10), 2),
        x = round(runif(m, 1, 3), 3),
        w = round((10 + 10 * h) * runif(m, 0.5, 1.5), 3),
        s1 = rbinom(m, 1, p_psu), s2 = rbinom(m, 1, p_psu), s3 = rbinom(m, 1, p_psu * 0.9),
        grp = sample(c("g1", "g2", "g3"), m, replace = TRUE, prob = c(0.5, 0.3, 0.2)))
    }
  }
  d <- do.call(rbind, rows)
  d$t1 <- d$s1; d$t2 <- d$s2; d$t3 <- d$s3       # complete items
  d$s1[runif(nrow(d)) < 0.1] <- NA                # items with missing answers
  d$s2[runif(nrow(d)) < 0.15] <- NA
  d$s3[runif(nrow(d)) < 0.05] <- NA
  d$u1 <- 1; d$u0 <- 0                            # shares of exactly 1 and 0
  d$Npsu <- c(A = 20, B = 10, C = 12, D = 3)[d$stratum]
  d$frac <- ave(seq_len(nrow(d)), d$stratum, FUN = function(i) 0) +
    as.vector(table(d$stratum[!duplicated(paste(d$stratum, d$psu))])[d$stratum]) / d$Npsu
  d
}
main <- make_data(c("A", "B", "C"), c(5, 4, 6))
lonely <- rbind(main, make_data("D", 1))

se <- function(s) sqrt(diag(as.matrix(vcov(s))))[1]
stat <- function(s, deff = TRUE) {
  r <- list(value = unname(coef(s))[1], se = unname(se(s)))
  if (deff) r$deff <- unname(deff(s))[1]
  r
}

results <- function(ds, d) {
  out <- list()
  out$degf <- degf(ds)
  m <- svymean(~y, ds, deff = TRUE); mr <- svymean(~y, ds, deff = "replace")
  out$mean_y <- c(stat(m), list(deff_replace = unname(deff(mr))[1]))
  t <- svytotal(~y, ds, deff = TRUE); tr <- svytotal(~y, ds, deff = "replace")
  out$total_y <- c(stat(t), list(deff_replace = unname(deff(tr))[1]))
  r <- svyratio(~y, ~x, ds, deff = TRUE)
  out$ratio_y_x <- list(value = unname(coef(r))[1], se = unname(sqrt(r$var[1, 1])), deff = unname(attr(r, "deff"))[1])
  out$share_s1 <- stat(svymean(~s1, ds, na.rm = TRUE, deff = TRUE))
  ci <- function(f, method) {
    r <- svyciprop(f, ds, method = method, na.rm = TRUE)
    list(value = unname(coef(r))[1], lower = unname(confint(r))[1], upper = unname(confint(r))[2])
  }
  out$ciprop_logit_s1 <- ci(~s1, "logit")   # svyciprop uses df = degf(design), NA rows included
  out$ciprop_logit_t1 <- ci(~t1, "logit")
  # Korn-Graubard on a complete item: svyciprop("beta") scales n.eff by qt(, nrow(design) - 1),
  # counting rows whose answer is missing; satkit uses the valid n, so only a complete item
  # compares like with like.
  out$ciprop_beta_t1 <- ci(~t1, "beta")
  out$share_u1 <- stat(svymean(~u1, ds, deff = FALSE), deff = FALSE)
  out$share_u0 <- stat(svymean(~u0, ds, deff = FALSE), deff = FALSE)
  b <- svyby(~y, ~grp, ds, svymean, deff = TRUE)
  out$domain_mean_y <- lapply(seq_len(nrow(b)), function(i) list(
    group = as.character(b$grp[i]), value = b$y[i], se = b$se[i], deff = b$DEff.y[i],
    degf = degf(subset(ds, grp == b$grp[i]))))
  bt <- svyby(~y, ~grp, ds, svytotal)
  out$domain_total_y <- lapply(seq_len(nrow(bt)), function(i) list(
    group = as.character(bt$grp[i]), value = bt$y[i], se = bt$se[i]))
  bs <- svyby(~s1, ~grp, ds, svymean, na.rm = TRUE)
  out$domain_share_s1 <- lapply(seq_len(nrow(bs)), function(i) list(
    group = as.character(bs$grp[i]), value = bs$s1[i], se = bs$se[i]))
  # aspect index: mean of three complete item shares
  mt <- svymean(~t1 + t2 + t3, ds)
  out$index_t <- stat(svycontrast(mt, rep(1/3, 3)), deff = FALSE)
  # aspect index with missing answers: mean of the three ratios s_k / v_k
  ds2 <- update(ds, a1 = ifelse(is.na(s1), 0, s1), a2 = ifelse(is.na(s2), 0, s2), a3 = ifelse(is.na(s3), 0, s3),
                v1 = as.numeric(!is.na(s1)), v2 = as.numeric(!is.na(s2)), v3 = as.numeric(!is.na(s3)))
  rr <- svyratio(~a1 + a2 + a3, ~v1 + v2 + v3, ds2, covmat = TRUE)
  # coef order: a1/v1, a2/v1, a3/v1, a1/v2, ... ; diagonal is positions 1, 5, 9
  cc <- numeric(9); cc[c(1, 5, 9)] <- 1/3
  out$index_s <- stat(svycontrast(rr, cc), deff = FALSE)
  # pooled share over the three items
  ds3 <- update(ds2, fav = a1 + a2 + a3, val = v1 + v2 + v3)
  pr <- svyratio(~fav, ~val, subset(ds3, val > 0))
  out$pooled_s <- list(value = unname(coef(pr))[1], se = unname(sqrt(pr$var[1, 1])))
  # a contrast: difference of two item shares (t1 - t2)
  out$contrast_t1_t2 <- stat(svycontrast(mt, c(1, -1, 0)), deff = FALSE)
  # a domain with no observations (R returns mean 0, SE 0; satkit returns NaN with n = 0)
  e <- svymean(~y, subset(ds, grp == "none"))
  out$empty_domain_mean_y <- list(value = unname(coef(e))[1], se = unname(se(e)), n = 0)
  out
}

write_case <- function(name, d, ds, spec, call) {
  dir.create(name, showWarnings = FALSE)
  write.csv(d, file.path(name, "data.csv"), row.names = FALSE, na = "NA")
  res <- results(ds, d)
  res$design <- spec
  res$call <- call
  res$provenance <- list(script = "Tests/Fixtures/reference/design/make.R", r = R.version.string,
                         survey = as.character(packageVersion("survey")),
                         lonely_psu = getOption("survey.lonely.psu"))
  writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, na = "null", pretty = TRUE, null = "null"),
             file.path(name, "expected.json"))
}

spec <- function(weights = NULL, strata = NULL, clusters = NULL, fpc = NULL, fpc_kind = NULL, lonely = "fail")
  list(weights = weights, strata = strata, clusters = clusters, fpc = fpc, fpc_kind = fpc_kind, lonely = lonely)

options(survey.lonely.psu = "fail")
write_case("unweighted", main, svydesign(ids = ~1, data = main), spec(),
           "svydesign(ids = ~1, data = d)")
write_case("weighted", main, svydesign(ids = ~1, weights = ~w, data = main), spec("w"),
           "svydesign(ids = ~1, weights = ~w, data = d)")
write_case("stratified", main, svydesign(ids = ~1, strata = ~stratum, weights = ~w, data = main),
           spec("w", "stratum"), "svydesign(ids = ~1, strata = ~stratum, weights = ~w, data = d)")
write_case("clustered", main, svydesign(ids = ~psu, weights = ~w, data = main),
           spec("w", NULL, "psu"), "svydesign(ids = ~psu, weights = ~w, data = d)  # psu labels v1..v6 shared across strata: 6 clusters")
write_case("stratified-clustered", main,
           svydesign(ids = ~psu, strata = ~stratum, weights = ~w, nest = TRUE, data = main),
           spec("w", "stratum", "psu"), "svydesign(ids = ~psu, strata = ~stratum, weights = ~w, nest = TRUE, data = d)")
write_case("fpc-population", main,
           svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~Npsu, nest = TRUE, data = main),
           spec("w", "stratum", "psu", "Npsu", "populationSize"),
           "svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~Npsu, nest = TRUE, data = d)")
write_case("fpc-fraction", main,
           svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~frac, nest = TRUE, data = main),
           spec("w", "stratum", "psu", "frac", "samplingFraction"),
           "svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~frac, nest = TRUE, data = d)")
small <- main[c(1, 9, 17, 30, 44), ]
write_case("small-n", small, svydesign(ids = ~1, weights = ~w, data = small), spec("w"),
           "svydesign(ids = ~1, weights = ~w, data = d[c(1, 9, 17, 30, 44), ])")
for (policy in c("remove", "adjust", "certainty")) {
  options(survey.lonely.psu = policy)
  write_case(paste0("lonely-", policy), lonely,
             svydesign(ids = ~psu, strata = ~stratum, weights = ~w, nest = TRUE, data = lonely),
             spec("w", "stratum", "psu", lonely = policy),
             sprintf("options(survey.lonely.psu = \"%s\"); svydesign(ids = ~psu, strata = ~stratum, weights = ~w, nest = TRUE, data = d)  # stratum D has one PSU", policy))
}
options(survey.lonely.psu = "fail")
