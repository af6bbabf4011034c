"""Writes the first rows of a generated SIPAS file with answers respelt, to check that the
analyze peers code cells as satkit does (benchmarks/peers/check_analyze.py then compares).

Usage: odd_spellings.py SOURCE DEST [--rows N] [--seed S]

Every answer cell of the scored columns is, with some probability, rewritten as: padded
with spaces or a no-break space, upper-cased, decomposed (NFD), a label in the other
language, `04` / `4.0` / `4,00`, or (rarely) an invalid spelling such as `4.5` or `6`, which
sends the row to satkit's quarantine. Nothing here is timed.
"""
import argparse
import csv
import random
import unicodedata

SCORED = ["a1_", "a2_", "a3_", "a4_", "b1_", "b2_", "b3_", "b4_", "b5_"]
OTHER = {"q_overall", "c1", "c2", "e1", "e2", "e3", "e4", "s1", "s2", "s3"}
EN = {"Rất hài lòng": "Very satisfied", "Hài lòng": "Satisfied", "Bình thường": "Neutral",
      "Không hài lòng": "Dissatisfied", "Rất không hài lòng": "Very dissatisfied"}


def respell(cell, rng):
    r = rng.random()
    if r < 0.05:
        return f"  {cell}\u00a0"
    if r < 0.10:
        return cell.upper()
    if r < 0.15:
        return unicodedata.normalize("NFD", cell)
    if r < 0.18 and cell in EN:
        return EN[cell]
    if cell.isdigit() and int(cell) < 10:
        if r < 0.22:
            return "0" + cell
        if r < 0.25:
            return cell + ".0"
        if r < 0.27:
            return cell + ",00"
    if 0.27 <= r < 0.2702:
        return rng.choice(["4.5", "6", "-1", "Hai long", "4.01"])
    return cell


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("source")
    parser.add_argument("dest")
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with open(args.source, newline="", encoding="utf-8") as f, open(args.dest, "w", newline="", encoding="utf-8") as out:
        reader = csv.reader(f)
        writer = csv.writer(out, lineterminator="\n")
        header = next(reader)
        writer.writerow(header)
        scored = [i for i, c in enumerate(header) if c in OTHER or any(c.startswith(p) for p in SCORED)]
        for k, row in enumerate(reader):
            if k >= args.rows:
                break
            for i in scored:
                row[i] = respell(row[i], rng)
            writer.writerow(row)


if __name__ == "__main__":
    main()
