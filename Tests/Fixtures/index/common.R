# Shared by the make.R scripts of the index fixtures: builds a small survey export and the
# reference numbers from R `survey` (and `psych` for Cronbach's alpha). Each case's make.R
# sets the design and sources this file; run it from the case's folder:
#   cd Tests/Fixtures/index/<case> && Rscript make.R
suppressPackageStartupMessages({ library(survey); library(jsonlite) })
options(survey.lonely.psu = "fail")

# --- data ------------------------------------------------------------------------------
# Five criteria on a 1..5 scale in two aspects: A = a1, a2, a3; B = b1, b2 (b2 reverse-keyed:
# its raw value v is keyed 6 - v). Codes 98 = don't know, 99 = not applicable, empty = no
# answer. An overall item q0 (1..5), a screener s1 (1 = yes, 2 = no) and a multi-select
# question with options x and y (0/1 columns; neither chosen = no answer).
# Answers of one respondent share a latent satisfaction u (and of one village, a village
# effect), so that pooling answers as independent understates the variance.
make_data <- function(n_villages_per_province, per_village, weighted, village_sd, seed, small_service = FALSE) {
  set.seed(seed)
  provinces <- c("P1", "P2")
  rows <- list()
  for (p in provinces) for (v in seq_len(n_villages_per_province)) {
    m <- per_village
    rows[[length(rows) + 1]] <- data.frame(
      province = p, village = paste0("v", v), village_effect = rnorm(1, 0, village_sd),
      stringsAsFactors = FALSE)[rep(1, m), ]
  }
  d <- do.call(rbind, rows)
  n <- nrow(d)
  d$service <- sample(c("s1", "s2", "s3"), n, replace = TRUE, prob = c(0.45, 0.35, 0.20))
  if (small_service) d$service[sample(n, 12)] <- "s4"
  u <- rnorm(n, 0.9, 1) + d$village_effect
  item <- function(shift, noise = 0.6) {
    x <- u + shift + rnorm(n, 0, noise)
    as.integer(cut(x, c(-Inf, -1.2, -0.4, 0.3, 1.3, Inf)))
  }
  d$a1 <- item(0.4); d$a2 <- item(0.1); d$a3 <- item(-0.2)
  d$b1 <- item(0.2); d$b2 <- 6L - item(0.0)   # stored reversed
  d$q0 <- item(0.1, 0.4)
  d$s1 <- ifelse(runif(n) < 0.7, 1L, 2L)
  d$opt_x <- as.integer(runif(n) < 0.5)
  d$opt_y <- as.integer(runif(n) < 0.3 + 0.1 * (u > 1))
  d$opt_x[1:7] <- 0L; d$opt_y[1:7] <- 0L  # no option chosen
  # Missing answers of each kind.
  put <- function(col, k, code) { i <- sample(n, k); d[[col]][i] <<- code }
  for (col in c("a1", "a2", "a3", "b1", "b2", "q0")) {
    put(col, 6, 98L); put(col, 4, 99L); put(col, 5, NA)
  }
  put("s1", 5, NA)
  d$weight <- if (weighted) round(runif(n, 0.5, 3) * ifelse(d$province == "P1", 1, 1.6), 3) else 1
  d$village_effect <- NULL
  d$row <- seq_len(n)
  d
}

write_data <- function(d, path = "data.csv") {
  out <- d[, c("row", "province", "village", "service", "weight", "a1", "a2", "a3", "b1", "b2", "q0", "s1", "opt_x", "opt_y")]
  write.csv(out, path, row.names = FALSE, na = "", quote = FALSE)
}

# --- reference numbers -----------------------------------------------------------------
valid <- function(x) !is.na(x) & x >= 1 & x <= 5
keyed <- function(d, col) if (col == "b2") 6 - d[[col]] else d[[col]]

prepare <- function(d) {
  for (col in c("a1", "a2", "a3", "b1", "b2", "q0")) {
    v <- valid(d[[col]])
    k <- ifelse(v, keyed(d, col), NA)
    d[[paste0("v_", col)]] <- as.numeric(v)
    d[[paste0("sat_", col)]] <- ifelse(v, as.numeric(k >= 4), NA)   # share indicator, NA if missing
    d[[paste0("y_", col)]] <- ifelse(v, as.numeric(k >= 4), 0)      # for ratios: 0 if missing
    d[[paste0("val_", col)]] <- ifelse(v, k, NA)
  }
  d$sat_s1 <- ifelse(is.na(d$s1), NA, as.numeric(d$s1 == 1))
  d$any_opt <- as.numeric(d$opt_x == 1 | d$opt_y == 1)
  d$ya <- d$y_a1 + d$y_a2 + d$y_a3; d$va <- d$v_a1 + d$v_a2 + d$v_a3
  d$ra <- ifelse(d$va > 0, d$ya / d$va, NA)
  d$yall <- d$ya + d$y_b1 + d$y_b2; d$vall <- d$va + d$v_b1 + d$v_b2
  d$rall <- ifelse(d$vall > 0, d$yall / d$vall, NA)
  d
}

wilson <- function(p, n, level = 0.95) {
  z <- qnorm(0.5 + level / 2)
  centre <- (p + z^2 / (2 * n)) / (1 + z^2 / n)
  half <- z / (1 + z^2 / n) * sqrt(p * (1 - p) / n + z^2 / (4 * n^2))
  c(centre - half, centre + half)
}

logit_ci <- function(p, se, df, level = 0.95) {
  q <- qt(0.5 + level / 2, df)
  l <- qlogis(p); h <- q * se / (p * (1 - p))
  plogis(c(l - h, l + h))
}

counts <- function(x) list(valid = sum(valid(x)), noAnswer = sum(is.na(x)), dontKnow = sum(x == 98, na.rm = TRUE),
                           notApplicable = sum(x == 99, na.rm = TRUE))

# One group (a logical vector over the full data): every reference number for it.
group_numbers <- function(des, d, inside, complex) {
  dg <- subset(des, inside)
  df <- degf(dg)
  out <- list(respondents = sum(inside), df = df)
  crit <- list()
  for (col in c("a1", "a2", "a3", "b1", "b2", "q0")) {
    f <- as.formula(paste0("~sat_", col))
    m <- svymean(f, dg, na.rm = TRUE, deff = "replace")
    p <- unname(coef(m)); se <- as.numeric(SE(m))
    n <- sum(valid(d[[col]][inside]))
    ci <- if (complex) wilson(p, p * (1 - p) / se^2) else suppressWarnings(prop.test(sum(d[[paste0("sat_", col)]][inside], na.rm = TRUE), n, correct = FALSE))$conf.int
    mm <- svymean(as.formula(paste0("~val_", col)), dg, na.rm = TRUE)
    mci <- confint(mm, df = df)
    crit[[col]] <- list(value = p, se = se, lower = ci[1], upper = ci[2], n = n,
                        deff = unname(deff(m)), neff = p * (1 - p) / se^2,
                        mean = list(value = unname(coef(mm)), se = as.numeric(SE(mm)), lower = mci[1], upper = mci[2]),
                        counts = counts(d[[col]][inside]))
  }
  out$criteria <- crit
  # Aggregates, meanOfChildren: contrasts of the item ratios (each item keeps its own denominator).
  r <- svyratio(~y_a1 + y_a2 + y_a3 + y_b1 + y_b2, ~v_a1 + v_a2 + v_a3 + v_b1 + v_b2, dg, covmat = TRUE)
  nm <- names(coef(r))
  pick <- function(w) { cc <- setNames(rep(0, length(nm)), nm); for (k in names(w)) cc[paste0("y_", k, "/v_", k)] <- w[[k]]; cc }
  agg <- function(w, n) {
    s <- svycontrast(r, pick(w)); p <- unname(coef(s)); se <- as.numeric(SE(s))
    ci <- logit_ci(p, se, df)
    list(value = p, se = se, lower = ci[1], upper = ci[2], n = n)
  }
  nA <- sum(d$va[inside] > 0); nAll <- sum(d$vall[inside] > 0)
  out$meanOfChildren <- list(
    A = agg(list(a1 = 1/3, a2 = 1/3, a3 = 1/3), nA),
    B = agg(list(b1 = 1/2, b2 = 1/2), sum((d$v_b1 + d$v_b2)[inside] > 0)),
    overall = agg(list(a1 = 1/6, a2 = 1/6, a3 = 1/6, b1 = 1/4, b2 = 1/4), nAll))
  # pooled: svyratio of a respondent's satisfied answers over their valid answers.
  pooled <- function(y, v, n) {
    s <- svyratio(as.formula(paste0("~", y)), as.formula(paste0("~", v)), dg)
    p <- unname(coef(s)); se <- as.numeric(SE(s)); ci <- logit_ci(p, se, df)
    list(value = p, se = se, lower = ci[1], upper = ci[2], n = n)
  }
  out$pooled <- list(A = pooled("ya", "va", nA), overall = pooled("yall", "vall", nAll))
  # What pooling the answers as independent would claim: binomial SE on all answers.
  P <- out$pooled$A$value; N <- sum(d$va[inside])
  out$pooledIndependentSE_A <- sqrt(P * (1 - P) / N)
  # meanOfRespondents: each respondent's own share, then the design mean.
  resp <- function(f, n) {
    s <- svymean(f, dg, na.rm = TRUE); p <- unname(coef(s)); se <- as.numeric(SE(s)); ci <- logit_ci(p, se, df)
    list(value = p, se = se, lower = ci[1], upper = ci[2], n = n)
  }
  out$meanOfRespondents <- list(A = resp(~ra, nA), overall = resp(~rall, nAll))
  # Screener and multi-select option x.
  m <- svymean(~sat_s1, dg, na.rm = TRUE); p <- unname(coef(m)); se <- as.numeric(SE(m)); n <- sum(!is.na(d$s1[inside]))
  ci <- if (complex) wilson(p, p * (1 - p) / se^2) else suppressWarnings(prop.test(sum(d$sat_s1[inside], na.rm = TRUE), n, correct = FALSE))$conf.int
  out$screener <- list(value = p, se = se, lower = ci[1], upper = ci[2], n = n)
  dx <- subset(des, inside & d$any_opt == 1)
  m <- svymean(~opt_x, dx); p <- unname(coef(m)); se <- as.numeric(SE(m)); n <- sum(inside & d$any_opt == 1)
  ci <- if (complex) wilson(p, p * (1 - p) / se^2) else suppressWarnings(prop.test(sum(d$opt_x[inside & d$any_opt == 1]), n, correct = FALSE))$conf.int
  out$optionX <- list(value = p, se = se, lower = ci[1], upper = ci[2], n = n)
  out
}

# svyby on the criteria, to check that the per-group subsets above are the domains svyby uses.
svyby_check <- function(des) {
  b <- svyby(~sat_a1, ~service, des, svymean, na.rm = TRUE)
  list(service = as.character(b$service), value = unname(coef(b)), se = as.numeric(SE(b)))
}

make_expected <- function(d, des, complex, call) {
  d <- prepare(d)
  groups <- list(list(by = list(), key = list(), numbers = group_numbers(des, d, rep(TRUE, nrow(d)), complex)))
  for (s in sort(unique(d$service))) {
    groups[[length(groups) + 1]] <- list(by = list("service"), key = list(s),
                                         numbers = group_numbers(des, d, d$service == s, complex))
  }
  items <- na.omit(data.frame(a1 = d$val_a1, a2 = d$val_a2, a3 = d$val_a3))
  al <- suppressWarnings(psych::alpha(items))
  imp <- function(col) {
    ok <- valid(d[[col]]) & valid(d$q0)
    cov.wt(cbind(d[[paste0("val_", col)]][ok], d$val_q0[ok]), wt = d$weight[ok], cor = TRUE)$cor[1, 2]
  }
  list(
    generator = "make.R (sources ../common.R)",
    r = R.version.string, survey = as.character(packageVersion("survey")),
    psych = as.character(packageVersion("psych")), design = call, level = 0.95,
    groups = groups, svyby = svyby_check(des),
    alphaA = list(alpha = al$total$raw_alpha, ase = al$total$ase, n = nrow(items),
                  feldtLower = al$feldt$lower.ci[[1]], feldtUpper = al$feldt$upper.ci[[1]],
                  rDrop = unname(al$item.stats$r.drop), alphaDrop = unname(al$alpha.drop$raw_alpha)),
    importance = lapply(setNames(c("a1", "a2", "a3", "b1", "b2"), c("a1", "a2", "a3", "b1", "b2")), imp))
}

write_expected <- function(x, path = "expected.json") {
  writeLines(toJSON(x, auto_unbox = TRUE, digits = NA, pretty = TRUE), path)
}
