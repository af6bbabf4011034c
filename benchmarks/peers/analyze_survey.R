# The "analyze" job in R with the survey package (Lumley), the recipes of docs/methods-index.md,
# to show the gap on the 100-thousand-row file. Timed by benchmarks/harness.py; its numbers are
# compared with satkit's on the entries it computes (check_analyze.py --partial).
#
# Usage: Rscript analyze_survey.R PLAN.json DATA.csv OUT.csv
# PLAN.json: the survey's coding rules and aspects, written by `analyze.py plan` (R has no
# JSON5 reader; that step is not timed).
#
# Per service (svyby, domains of svydesign(ids = ~1)) and for the whole sample:
# - every criterion and scored question: the share satisfied (svymean, na.rm = TRUE) with
#   Wilson's interval on the count (prop.test(x, n, correct = FALSE), vectorised), and the
#   mean keyed answer (svymean) with confint(df = degf(dg));
# - every aspect (a parent whose children are criteria): the mean of its criteria's ratios
#   y_k/v_k (y = satisfied, 0 when missing; v = valid) by svycontrast on svytotal(~y_1 + ... +
#   v_1 + ..., dg), the delta method = respondent-level linearization, and the logit interval
#   plogis(qlogis(p) ± qt(.975, degf(dg)) SE/(p(1 − p))).
# Parts and the overall index are left out (their svyratio covariance over 23 to 39
# criteria per group makes the run far longer; the Python peers compute them).
suppressMessages({
  library(survey)
  library(data.table)
  library(jsonlite)
  library(stringi)
})
args <- commandArgs(trailingOnly = TRUE)
plan <- fromJSON(args[1], simplifyVector = FALSE)
level <- plan$level
z <- qnorm((1 + level) / 2)
g <- plan$group
items <- plan$items
columns <- vapply(items, function(it) it$column, "")
d <- fread(args[2], select = c(g, columns), colClasses = "character", encoding = "UTF-8",
           na.strings = NULL, showProgress = FALSE)

# Cell → keyed value (0: missing; -1: invalid), decided once per distinct spelling.
code <- function(x, it) {
  x[is.na(x)] <- ""
  u <- unique(x)
  key <- stri_trans_nfc(stri_trans_tolower(stri_trans_nfc(stri_trim_both(u))))
  keys <- unlist(it$keys)
  v <- unname(keys[key])
  v[key == ""] <- 0   # R does not index by the empty name
  values <- unlist(it$values)
  lo <- min(values); hi <- max(values)
  number <- ifelse(grepl("^-?[0-9]{1,9}([.,]0+)?$", key), suppressWarnings(as.integer(sub("[.,]0+$", "", key))), NA)
  from_number <- !is.na(number) & number >= lo & number <= hi
  keyed <- function(v) if (isTRUE(it$reverse)) lo + hi - v else v
  v[is.na(v) & from_number] <- keyed(values[number[is.na(v) & from_number] - lo + 1])
  v[is.na(v)] <- -1
  v[match(x, u)]
}
coded <- data.frame(grp = d[[g]], stringsAsFactors = FALSE)
for (k in seq_along(items)) coded[[items[[k]]$id]] <- code(d[[columns[k]]], items[[k]])
rm(d)
ids <- vapply(items, function(it) it$id, "")
keep <- Reduce(`&`, lapply(ids, function(i) coded[[i]] >= 0))
coded <- coded[keep, , drop = FALSE]
vars <- list()
for (it in items) {
  x <- coded[[it$id]]
  valid <- x > 0
  sat <- as.numeric(x %in% unlist(it$satisfied))
  vars[[paste0("sat_", it$id)]] <- ifelse(valid, sat, NA)
  vars[[paste0("val_", it$id)]] <- ifelse(valid, x, NA)
  vars[[paste0("y_", it$id)]] <- ifelse(valid, sat, 0)
  vars[[paste0("v_", it$id)]] <- as.numeric(valid)
}
# One small design per item or aspect (the group and its own variables): svyby copies the
# design's data for every group, so a design holding all 160-odd variables is much slower.
design <- function(names) {
  frame <- data.frame(grp = coded$grp, stringsAsFactors = FALSE)
  for (name in names) frame[[name]] <- vars[[name]]
  suppressWarnings(svydesign(ids = ~1, data = frame))  # "no weights": equal probability, as meant
}
groups <- sort(unique(coded$grp))
rows <- c("", groups)
respondents <- c(nrow(coded), as.vector(table(coded$grp)[groups]))
df <- respondents - 1   # degf of each domain: rows - 1 (ids = ~1)
q <- qt((1 + level) / 2, df)
f <- function(name) as.formula(paste0("~", name))

wilson <- function(x, n) {
  centre <- (x + z^2 / 2) / (n + z^2)
  half <- z / (n + z^2) * sqrt(x * (n - x) / n + z^2 / 4)
  p <- x / n
  lower <- ifelse(p == 0, 0, pmax(0, pmin(centre - half, p)))
  upper <- ifelse(p == 1, 1, pmin(1, pmax(centre + half, p)))
  list(lower = lower, upper = upper)
}

out <- list()
for (it in items) {
  i <- it$id
  des <- design(c(paste0("sat_", i), paste0("val_", i)))
  # sat and val are NA on the same rows (the missing answers): one call gives both.
  whole <- svymean(f(paste0("sat_", i, " + val_", i)), des, na.rm = TRUE)
  by <- svyby(f(paste0("sat_", i, " + val_", i)), ~grp, des, svymean, na.rm = TRUE)
  at <- match(groups, by$grp)
  share <- c(coef(whole)[1], by[[paste0("sat_", i)]][at])
  share_se <- c(SE(whole)[1], SE(by)[at, 1])
  mean <- c(coef(whole)[2], by[[paste0("val_", i)]][at])
  mean_se <- c(SE(whole)[2], SE(by)[at, 2])
  valid <- vars[[paste0("v_", i)]]
  n <- c(sum(valid), as.vector(tapply(valid, coded$grp, sum)[groups]))
  x <- round(share * n)
  ci <- wilson(x, n)
  out[[length(out) + 1]] <- data.frame(
    group = rows, id = i, respondents = respondents, n = n, n_valid = n, value = share,
    standard_error = share_se, lower = ci$lower, upper = ci$upper, mean_score = mean,
    mean_lower = mean - q * mean_se, mean_upper = mean + q * mean_se)
}

for (a in plan$aspects) {
  cs <- unlist(a$criteria)
  K <- length(cs)
  des <- design(c(paste0("y_", cs), paste0("v_", cs)))
  # The mean of the K ratios y_k / v_k, linearized by svycontrast's delta method on the
  # totals: the ratios' joint influence functions, as svyratio(covmat = TRUE) + svycontrast
  # (docs/methods-index.md) but without svyratio's K × K cross ratios.
  aspect <- parse(text = paste0("(", paste0("y_", cs, "/v_", cs, collapse = " + "), ")/", K))[[1]]
  one <- function(design) {
    est <- svycontrast(svytotal(num_den, design), aspect)
    c(coef(est), SE(est))
  }
  num_den <- f(paste(c(paste0("y_", cs), paste0("v_", cs)), collapse = " + "))
  res <- rbind(one(des), t(vapply(groups, function(gr) one(subset(des, grp == gr)), c(0, 0))))
  p <- res[, 1]; se <- res[, 2]
  half <- q * se / (p * (1 - p))
  any_valid <- Reduce(`|`, lapply(cs, function(c) vars[[paste0("v_", c)]] > 0))
  n <- c(sum(any_valid), as.vector(tapply(any_valid, coded$grp, sum)[groups]))
  n_valid <- Reduce(`+`, lapply(cs, function(c) {
    v <- vars[[paste0("v_", c)]]
    c(sum(v), as.vector(tapply(v, coded$grp, sum)[groups]))
  }))
  lower <- plogis(qlogis(p) - half)
  upper <- plogis(qlogis(p) + half)
  # At a share of 0 or 1 (SE 0) the logit interval is undefined (R: NaN); satkit gives
  # Wilson's interval on n instead, with a note: the same here.
  edge <- !(p > 0 & p < 1 & se > 0)
  if (any(edge)) {
    w <- wilson(p[edge] * n[edge], n[edge])
    lower[edge] <- w$lower
    upper[edge] <- w$upper
  }
  out[[length(out) + 1]] <- data.frame(
    group = rows, id = a$id, respondents = respondents, n = n, n_valid = n_valid, value = p,
    standard_error = se, lower = lower, upper = upper, mean_score = NA, mean_lower = NA, mean_upper = NA)
}
result <- do.call(rbind, out)
fwrite(result, args[3], na = "", quote = "auto", dec = ".", scipen = 0, eol = "\n")
cat(sprintf("R survey %s: %d groups, %d rows, %d entries -> %s\n", packageVersion("survey"),
            length(groups), nrow(coded), nrow(result), args[3]))
