#!/usr/bin/env python3
"""Adjusted p-values from statsmodels multipletests (holm, fdr_bh, bonferroni) and, as a
second opinion, R p.adjust (holm, BH, bonferroni). Run from this folder: python3 make.py"""
import json, subprocess, platform
import statsmodels
from statsmodels.stats.multitest import multipletests

VECTORS = [
    [0.01, 0.04, 0.03, 0.005, 0.20, 0.5, 0.049],
    [0.001, 0.001, 0.002, 0.8, 0.8, 1.0],            # ties, and p = 1
    [0.0, 0.3, 0.02],                                # p = 0
    [0.042],                                         # m = 1
    [0.9, 0.95, 0.99, 0.6],                          # all large: caps at 1
    [0.0101, 0.0201, 0.0301, 0.0401, 0.0501, 0.0601, 0.0701, 0.0801, 0.0901, 0.1001, 0.2, 0.31,
     0.0004, 0.0049, 0.77, 0.012, 0.033, 0.5, 0.61, 0.019],  # 20 provinces
]
SM = {"holm": "holm", "fdr_bh": "benjamini-hochberg", "bonferroni": "bonferroni"}
R = {"holm": "holm", "BH": "benjamini-hochberg", "bonferroni": "bonferroni"}
cases = []
for v in VECTORS:
    for sm, name in SM.items():
        cases.append(dict(method=name, source=f'statsmodels multipletests(p, method="{sm}")[1]', pValues=v,
                          adjusted=[float(a) for a in multipletests(v, method=sm)[1]]))
    for r, name in R.items():
        expr = f'cat(sprintf("%.17g", p.adjust(c({", ".join(repr(x) for x in v)}), "{r}")), sep = "\\n")'
        out = subprocess.run(["Rscript", "-e", expr], capture_output=True, text=True, check=True).stdout.split()
        cases.append(dict(method=name, source=f'R p.adjust(p, "{r}")', pValues=v, adjusted=[float(a) for a in out]))
rv = subprocess.run(["Rscript", "-e", "cat(R.version.string)"], capture_output=True, text=True, check=True).stdout
with open("expected.json", "w") as f:
    json.dump(dict(tools=dict(statsmodels=statsmodels.__version__, R=rv, python=platform.python_version()), cases=cases), f, indent=0)
print(len(cases), rv)
