"""Checks a peer's `analyze` numbers against satkit's `--format csv` output on the same file.

Usage: check_analyze.py SATKIT.csv PEER.csv [PEER.csv ...] [--tolerance 1e-9] [--partial]

Every entry satkit writes for the tree (overall, parts, aspects, criteria) and the scored
questions (overall item, evaluations, expectations, screeners), for the whole sample and
every group, must be in each peer's file, and the other way round (multi-select options are
not part of the job and are skipped). Counts (respondents, n, n_valid) must be equal;
estimates, standard errors and interval ends (share, its interval, mean score, its interval)
equal to the tolerance, absolute. Entries satkit suppresses have no numbers there: only their
counts are compared. Prints the largest difference per column and peer; exits 1 on any
mismatch or missing entry, naming the first ones. With --partial (the R row) only the
entries the peer wrote are compared.
"""
import argparse
import csv
import math
import sys

ROLES = {"overall", "aggregate", "criterion", "overallQuestion", "evaluation", "expectation", "screener"}
COUNTS = ["respondents", "n", "n_valid"]
NUMBERS = ["value", "standard_error", "lower", "upper", "mean_score", "mean_lower", "mean_upper"]


def read(path):
    """(group, id) → row. A file of satkit's (it has a `role` column: the reference, or
    satkit's own default run checked like a peer) is cut to the entries of the job."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    table = {}
    for r in rows:
        if "role" in r and r["role"] not in ROLES:
            continue
        key = (r["group"], r["id"])
        if key in table:
            sys.exit(f"check_analyze: {path} has ({r['group']!r}, {r['id']}) twice")
        table[key] = r
    return table


def number(text):
    return math.nan if text in ("", None) else float(text)


def compare(reference, peer, name, tolerance, partial=False):
    problems = []
    if partial and not peer:
        problems.append(f"{name}: no entries")
    missing = [] if partial else sorted(set(reference) - set(peer))
    extra = sorted(set(peer) - set(reference))
    for key in missing[:5]:
        problems.append(f"{name}: no entry for group {key[0]!r}, id {key[1]}")
    if len(missing) > 5:
        problems.append(f"{name}: ... {len(missing)} entries missing in all")
    for key in extra[:5]:
        problems.append(f"{name}: entry satkit does not have: group {key[0]!r}, id {key[1]}")
    if len(extra) > 5:
        problems.append(f"{name}: ... {len(extra)} extra entries in all")
    worst = {c: 0.0 for c in NUMBERS}
    compared = {c: 0 for c in NUMBERS}
    for key in sorted(set(reference) & set(peer)):
        s, p = reference[key], peer[key]
        for c in COUNTS:
            if s[c] != "" and int(s[c]) != int(float(p[c])):
                problems.append(f"{name}: group {key[0]!r}, id {key[1]}: {c} satkit {s[c]}, peer {p[c]}")
        for c in NUMBERS:
            a = number(s[c])
            if math.isnan(a):
                continue   # suppressed in satkit's output, or not an estimate of this entry
            b = number(p.get(c))
            d = abs(a - b) if not math.isnan(b) else math.inf
            compared[c] += 1
            worst[c] = max(worst[c], d)
            if not d <= tolerance:
                problems.append(f"{name}: group {key[0]!r}, id {key[1]}: {c} satkit {s[c]}, peer {p.get(c)} "
                                f"(difference {d:.3g})")
    return worst, compared, problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("satkit")
    parser.add_argument("peers", nargs="+")
    parser.add_argument("--tolerance", type=float, default=1e-9)
    parser.add_argument("--partial", action="store_true",
                        help="the peers compute part of the entries (R: criteria, questions and aspects): "
                             "compare those, do not require the others")
    args = parser.parse_args()
    reference = read(args.satkit)
    failed = False
    for path in args.peers:
        worst, compared, problems = compare(reference, read(path), path, args.tolerance, args.partial)
        summary = ", ".join(f"{c} {worst[c]:.2g}" for c in NUMBERS)
        print(f"{path}: {len(reference)} entries{' (partial)' if args.partial else ''}, {sum(compared.values())} numbers compared; max |difference|: {summary}")
        if problems:
            failed = True
            print(f"MISMATCH: {path} disagrees with {args.satkit} ({len(problems)} problems):", file=sys.stderr)
            for line in problems[:20]:
                print("  " + line, file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
