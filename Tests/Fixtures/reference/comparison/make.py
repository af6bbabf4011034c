#!/usr/bin/env python3
"""Reference numbers for comparing two independent estimates or proportions.

- newcombe: statsmodels confint_proportions_2indep(x1, n1, x2, n2, method="newcomb", compare="diff")
- score: statsmodels test_proportions_2indep(..., method="score", compare="diff", value=d0, correction=...)
- welch: scipy.stats.ttest_ind(x, y, equal_var=False) on data drawn here (written to input.json);
  the Swift test builds each Estimate from mean, sd/sqrt(n) and df n - 1.
- z: the same two samples as estimates without df; z = (m1 - m2)/sqrt(se1^2 + se2^2),
  p = 2 * scipy.stats.norm.sf(|z|), interval d -/+ scipy.stats.norm.isf(alpha/2) * se.
Run from this folder: python3 make.py
"""
import json, platform
import numpy as np
import scipy, statsmodels
from scipy import stats
from statsmodels.stats.proportion import confint_proportions_2indep, test_proportions_2indep

PAIRS = [(56, 70, 48, 80), (9, 10, 3, 10), (0, 10, 0, 20), (10, 10, 0, 20), (481, 580, 502, 600),
         (30, 30, 28, 30), (0, 1, 1, 1), (1, 5, 4, 5), (33210, 36525, 32800, 36100), (575, 580, 560, 590)]
newcombe, score = [], []
for x1, n1, x2, n2 in PAIRS:
    for level in (0.95, 0.90):
        lo, up = confint_proportions_2indep(x1, n1, x2, n2, method="newcomb", compare="diff", alpha=1 - level)
        newcombe.append(dict(x1=x1, n1=n1, x2=x2, n2=n2, level=level, lower=float(lo), upper=float(up)))
    for d0 in (0.0, 0.05, -0.1):
        for corr in (True, False):
            if x1 + x2 in (0, n1 + n2) and d0 == 0:
                continue  # no variation: statsmodels returns NaN (satkit: p = 1, tested by hand)
            for alt in ("two-sided", "larger", "smaller"):
                r = test_proportions_2indep(x1, n1, x2, n2, value=d0, method="score", compare="diff",
                                            alternative=alt, correction=corr)
                score.append(dict(x1=x1, n1=n1, x2=x2, n2=n2, nullDifference=d0, correction=corr,
                                  alternative={"larger": "greater", "smaller": "less"}.get(alt, alt),
                                  statistic=float(r.statistic), pValue=float(r.pvalue)))

rng = np.random.default_rng(20261122)
samples = [(rng.normal(3.9, 0.8, 12), rng.normal(3.5, 1.4, 20)),
           (rng.normal(0.83, 0.3, 45), rng.normal(0.80, 0.1, 8)),
           (rng.normal(70, 15, 5), rng.normal(71, 2, 300))]
welch, zcases, inputs = [], [], []
for x, y in samples:
    x, y = [float(v) for v in x], [float(v) for v in y]
    inputs.append(dict(x=x, y=y))
    est = []
    for s in (x, y):
        a = np.asarray(s)
        est.append(dict(mean=float(a.mean()), se=float(a.std(ddof=1) / np.sqrt(len(a))), df=len(a) - 1, n=len(a)))
    for level in (0.95, 0.90):
        r = stats.ttest_ind(x, y, equal_var=False)
        ci = r.confidence_interval(level)
        welch.append(dict(first=est[0], second=est[1], level=level, statistic=float(r.statistic),
                          pValue=float(r.pvalue), df=float(r.df), lower=float(ci.low), upper=float(ci.high)))
        d = est[0]["mean"] - est[1]["mean"]
        se = float(np.sqrt(est[0]["se"] ** 2 + est[1]["se"] ** 2))
        z = d / se
        q = stats.norm.isf((1 - level) / 2)
        zcases.append(dict(first=est[0], second=est[1], level=level, statistic=z, pValue=float(2 * stats.norm.sf(abs(z))),
                           lower=d - q * se, upper=d + q * se))

with open("input.json", "w") as f:
    json.dump(dict(samples=inputs), f, indent=0)
with open("expected.json", "w") as f:
    json.dump(dict(tools=dict(statsmodels=statsmodels.__version__, scipy=scipy.__version__, numpy=np.__version__,
                              python=platform.python_version()),
                   newcombe=newcombe, score=score, welch=welch, z=zcases), f, indent=0)
print(len(newcombe), len(score), len(welch), len(zcases))
