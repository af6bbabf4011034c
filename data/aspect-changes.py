"""Observed 2023 -> 2024 changes in data/sipas-*.csv, per criterion and aspect (SIPAS rule:
criterion share = satisfied (4-5) / valid answers; aspect = unweighted mean of its criteria).
Labels are mapped back to codes; missing codes are left out. Unweighted."""
import csv, sys
LABELS = {"Rất không hài lòng": 1, "Very dissatisfied": 1, "Không hài lòng": 2, "Dissatisfied": 2,
          "Bình thường": 3, "Neutral": 3, "Hài lòng": 4, "Satisfied": 4, "Rất hài lòng": 5, "Very satisfied": 5}
ASPECTS = [("accountability", "a1_"), ("participation", "a2_"), ("implementation", "a3_"), ("outcomes", "a4_"),
           ("access", "b1_"), ("procedures", "b2_"), ("civil_servants", "b3_"), ("results", "b4_"), ("feedback", "b5_")]
def shares(path):
    rows = list(csv.DictReader(open(path, newline="", encoding="utf-8")))
    out = {}
    for column in rows[0]:
        if not any(column.startswith(p) for _, p in ASPECTS) and column != "q_overall":
            continue
        values = [int(v) if v in "12345" and v else LABELS.get(v) for v in (r[column] for r in rows)]
        valid = [v for v in values if v is not None]
        out[column] = sum(v >= 4 for v in valid) / len(valid)
    return out
a, b = shares(sys.argv[1]), shares(sys.argv[2])
for name, prefix in ASPECTS:
    cols = [c for c in a if c.startswith(prefix)]
    sa = sum(a[c] for c in cols) / len(cols); sb = sum(b[c] for c in cols) / len(cols)
    print(f"{name:15s} {100*sa:5.1f} {100*sb:5.1f} {100*(sb-sa):+5.1f}")
print(f"{'q_overall':15s} {100*a['q_overall']:5.1f} {100*b['q_overall']:5.1f} {100*(b['q_overall']-a['q_overall']):+5.1f}")
allc = [c for c in a if c != "q_overall"]
print("criteria: min %.1f max %.1f (2023), min %.1f max %.1f (2024)" % (100*min(a[c] for c in allc), 100*max(a[c] for c in allc), 100*min(b[c] for c in allc), 100*max(b[c] for c in allc)))
