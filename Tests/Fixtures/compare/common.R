# Shared by the make.R scripts of the compare fixtures. Sources the index fixtures' data
# generator and reference code (../../index/common.R), writes one data file per wave and
# the reference numbers for design-based differences:
#   change = est_after - est_before,  se = sqrt(se_before^2 + se_after^2),
#   z = change / se,  p = 2 * pnorm(-|z|),  interval change +- qnorm(0.975) * se,
# i.e. two independent designs whose SEs are combined (not one stacked design with wave as a
# domain: the waves are separate samples, drawn and weighted on their own; stacking them would
# give the same variance only with wave as a stratum, and adds nothing but bookkeeping).
# Run from the case's folder: cd Tests/Fixtures/compare/<case> && Rscript make.R
source("../../index/common.R")

# Moves k answers of `col` among rows of `service` from below the band (1-3) to 5 (up = TRUE),
# or from the band (4-5) to 1: a change the comparison must find.
shift <- function(d, service, col, k, up = TRUE) {
  rows <- which(d$service == service & d[[col]] %in% (if (up) 1:3 else 4:5))
  rows <- rows[seq_len(min(k, length(rows)))]
  d[[col]][rows] <- if (up) 5L else 1L
  d
}

# Every wave's numbers for the whole sample and each service: criteria (share, SE, counts) and
# the meanOfChildren aggregates A, B, overall (svycontrast of svyratio, as in the index fixtures).
wave_numbers <- function(d, des, complex) {
  dd <- prepare(d)
  keys <- c(list(NULL), as.list(sort(unique(dd$service))))
  lapply(keys, function(s) {
    inside <- if (is.null(s)) rep(TRUE, nrow(dd)) else dd$service == s
    g <- group_numbers(des, dd, inside, complex)
    crit <- lapply(g$criteria, function(x) list(value = x$value, se = x$se, n = x$n))
    means <- lapply(g$criteria, function(x) list(value = x$mean$value, se = x$mean$se))
    list(key = if (is.null(s)) list() else list(s), criteria = crit, means = means,
         aggregates = lapply(g$meanOfChildren, function(x) list(value = x$value, se = x$se)))
  })
}

difference <- function(before, after) {
  ch <- after$value - before$value
  se <- sqrt(before$se^2 + after$se^2)
  z <- ch / se
  list(before = before$value, seBefore = before$se, after = after$value, seAfter = after$se,
       change = ch, se = se, z = z, p = 2 * pnorm(-abs(z)),
       lower = ch - qnorm(0.975) * se, upper = ch + qnorm(0.975) * se)
}

# One step: differences per group for the given nodes, then Holm and BH across the services
# (the whole sample is its own family) with p.adjust.
step_numbers <- function(wb, wa, kind, nodes) {
  out <- lapply(seq_along(wa), function(i) {
    list(key = wa[[i]]$key, nodes = setNames(lapply(nodes, function(id) difference(wb[[i]][[kind]][[id]], wa[[i]][[kind]][[id]])), nodes))
  })
  for (id in nodes) {
    p <- sapply(out[-1], function(g) g$nodes[[id]]$p)
    holm <- p.adjust(p, "holm"); bh <- p.adjust(p, "BH")
    for (j in seq_along(p)) {
      out[[j + 1]]$nodes[[id]]$holm <- holm[j]
      out[[j + 1]]$nodes[[id]]$bh <- bh[j]
    }
  }
  out
}
