#!/usr/bin/env python3
"""Reference intervals for a single binomial proportion x of n.

statsmodels proportion_confint for methods normal, wilson, agresti_coull, beta, jeffreys;
R (run through Rscript) for the two methods statsmodels lacks:
  wilson with continuity correction = prop.test(x, n, correct = TRUE)$conf.int
  logit = plogis(confint.default(glm(cbind(x, n - x) ~ 1, family = binomial))), with the IRLS
  tolerance tightened to 1e-15 (the default 1e-8 leaves the intercept off by ~1e-7)
Run from this folder: python3 make.py   (needs Rscript on PATH)
"""
import json, subprocess, platform
import statsmodels
from statsmodels.stats.proportion import proportion_confint

COUNTS = [(0, 1), (1, 1), (0, 5), (1, 5), (5, 5), (3, 7), (1, 10), (9, 10), (0, 30), (28, 30), (29, 30),
          (30, 30), (50, 100), (83, 100), (190, 200), (0, 580), (481, 580), (575, 580), (580, 580), (33210, 36525)]
LEVELS = [0.95, 0.90, 0.99]
SM = {"normal": "wald", "wilson": "wilson", "agresti_coull": "agresti-coull", "beta": "clopper-pearson", "jeffreys": "jeffreys"}

R_SCRIPT = r'''
args <- commandArgs(TRUE)
cases <- read.csv(text = args[1], header = FALSE, col.names = c("x", "n", "level"))
out <- character(0)
for (i in seq_len(nrow(cases))) {
  x <- cases$x[i]; n <- cases$n[i]; lev <- cases$level[i]
  cc <- suppressWarnings(prop.test(x, n, correct = TRUE, conf.level = lev)$conf.int)
  out <- c(out, sprintf("wilson-cc,%d,%d,%s,%.17g,%.17g", x, n, lev, cc[1], cc[2]))
  if (x > 0 && x < n) {
    fit <- glm(cbind(x, n - x) ~ 1, family = binomial, control = glm.control(epsilon = 1e-15, maxit = 100))
    ci <- plogis(confint.default(fit, level = lev))
    out <- c(out, sprintf("logit,%d,%d,%s,%.17g,%.17g", x, n, lev, ci[1], ci[2]))
  }
}
cat(out, sep = "\n")
cat("\nVERSION,", R.version.string, "\n", sep = "")
'''

cases = []
for x, n in COUNTS:
    for level in LEVELS:
        for sm, name in SM.items():
            lo, up = proportion_confint(x, n, alpha=1 - level, method=sm)
            cases.append(dict(method=name, x=x, n=n, level=level, lower=float(lo), upper=float(up),
                              source=f'statsmodels proportion_confint({x}, {n}, alpha={1 - level!r}, method="{sm}")'))

# Weighted or design-based shares on an effective sample size n* (fractional): satkit's
# interval(proportion:effectiveSampleSize:) against proportion_confint(p * n*, n*).
EFFECTIVE = [(0.83, 232.7), (0.97, 41.3), (0.999, 310.25), (0.05, 17.9), (0.5, 2.5), (0.9, 1.6)]
for p, neff in EFFECTIVE:
    for level in LEVELS:
        for sm, name in SM.items():
            lo, up = proportion_confint(p * neff, neff, alpha=1 - level, method=sm)
            cases.append(dict(method=name, proportion=p, effectiveN=neff, level=level, lower=float(lo), upper=float(up),
                              source=f'statsmodels proportion_confint({p} * {neff}, {neff}, alpha={1 - level!r}, method="{sm}")'))

# prop.test shrinks the continuity correction to |x - n p0| (p0 = 0.5) below 1/2: x = n/2 left out.
r_cases = [(x, n, lv) for x, n in COUNTS for lv in LEVELS if 2 * x != n]
text = "\n".join(f"{x},{n},{lv}" for x, n, lv in r_cases)
res = subprocess.run(["Rscript", "-e", R_SCRIPT, text], capture_output=True, text=True, check=True)
r_version = None
for line in res.stdout.strip().splitlines():
    if line.startswith("VERSION,"):
        r_version = line.split(",", 1)[1]
        continue
    if not line:
        continue
    method, x, n, lv, lo, up = line.split(",")
    call = "prop.test(x, n, correct = TRUE, conf.level = level)$conf.int" if method == "wilson-cc" else \
        "plogis(confint.default(glm(cbind(x, n - x) ~ 1, family = binomial, control = glm.control(epsilon = 1e-15, maxit = 100)), level = level))"
    cases.append(dict(method=method, x=int(x), n=int(n), level=float(lv), lower=float(lo), upper=float(up), source=f"R {call}"))

out = dict(tools=dict(statsmodels=statsmodels.__version__, R=r_version, python=platform.python_version()),
           note="jeffreys: statsmodels keeps the plain Beta quantile at x = 0 and x = n; satkit sets 0 / 1 there "
                "(Brown, Cai & DasGupta 2001), so the test compares only the other bound at those counts.",
           cases=cases)
with open("expected.json", "w") as f:
    json.dump(out, f, indent=0)
print(len(cases), "cases", r_version)
