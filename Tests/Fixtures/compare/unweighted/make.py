"""Reference numbers for unweighted shares, from statsmodels (not our code).

For every step (2022->2023, 2023->2024), every group (whole sample, s1, s2, s3) and every
single item measured as a share (criteria a1, a2, a3, b1, b2; overall item q0; screener s1):
  x, n          satisfied and valid answers in each wave (counted here from the CSVs),
  newcombe      confint_proportions_2indep(x_after, n_after, x_before, n_before, method="newcomb")
  score test    test_proportions_2indep(..., method="score", compare="diff") (default correction)
and across the services s1, s2, s3 per item: multipletests(p, method="holm") and "fdr_bh".
Regenerate after make.R: cd Tests/Fixtures/compare/unweighted && python3 make.py
"""
import csv
import json
import sys

import numpy
import scipy
import statsmodels
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import confint_proportions_2indep, test_proportions_2indep

LEVEL = 0.95
ITEMS = ["a1", "a2", "a3", "b1", "b2", "q0", "s1"]


def read(year):
    with open(f"wave-{year}.csv", newline="") as f:
        return list(csv.DictReader(f))


def satisfied(item, cell):
    """(valid, satisfied) for one raw cell; b2 is stored reversed (keyed 6 - v)."""
    if item == "s1":
        return (cell in ("1", "2"), cell == "1")
    if cell not in ("1", "2", "3", "4", "5"):
        return (False, False)
    v = int(cell)
    if item == "b2":
        v = 6 - v
    return (True, v >= 4)


def counts(rows, item, service):
    n = x = 0
    for r in rows:
        if service is not None and r["service"] != service:
            continue
        valid, sat = satisfied(item, r[item])
        n += valid
        x += sat
    return x, n


def step(before, after):
    groups = []
    for service in [None, "s1", "s2", "s3"]:
        items = {}
        for item in ITEMS:
            x0, n0 = counts(before, item, service)
            x1, n1 = counts(after, item, service)
            low, upp = confint_proportions_2indep(x1, n1, x0, n0, method="newcomb", compare="diff", alpha=1 - LEVEL)
            stat, p = test_proportions_2indep(x1, n1, x0, n0, method="score", compare="diff", return_results=False)
            items[item] = dict(x0=x0, n0=n0, x1=x1, n1=n1, change=x1 / n1 - x0 / n0,
                               lower=float(low), upper=float(upp), z=float(stat), p=float(p))
        groups.append(dict(key=[] if service is None else [service], items=items))
    for item in ITEMS:
        p = [g["items"][item]["p"] for g in groups[1:]]
        holm = multipletests(p, method="holm")[1]
        bh = multipletests(p, method="fdr_bh")[1]
        for g, h, b in zip(groups[1:], holm, bh):
            g["items"][item]["holm"] = float(h)
            g["items"][item]["bh"] = float(b)
    return groups


waves = {y: read(y) for y in ["2022", "2023", "2024"]}
out = dict(
    generator="make.py",
    python=sys.version.split()[0], statsmodels=statsmodels.__version__, numpy=numpy.__version__, scipy=scipy.__version__,
    calls=dict(interval='confint_proportions_2indep(x1, n1, x0, n0, method="newcomb", compare="diff", alpha=0.05)',
               test='test_proportions_2indep(x1, n1, x0, n0, method="score", compare="diff")',
               adjust='multipletests(p, method="holm" | "fdr_bh")'),
    steps=[dict(**{"from": "2022", "to": "2023"}, groups=step(waves["2022"], waves["2023"])),
           dict(**{"from": "2023", "to": "2024"}, groups=step(waves["2023"], waves["2024"]))])
with open("expected-py.json", "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
