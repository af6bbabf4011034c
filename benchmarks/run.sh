#!/usr/bin/env bash
# Times satkit beside pandas, polars and DuckDB doing the same job on the same file, in one
# run, checks the peers' numbers against satkit's (analyze job), and writes
# benchmarks/RESULTS.md. Usage:
#   benchmarks/run.sh                 # peers at 100 thousand and 1 million respondents,
#                                     # satkit alone at 10 million (about 2.7 GB of CSV)
#   benchmarks/run.sh --full          # peers at 10 million too (they take minutes and up
#                                     # to 12 GB of memory there)
#   benchmarks/run.sh --sizes 100000 --alone "" --repeats 3
#   benchmarks/run.sh --timeout 3600  # a peer run longer than this is marked, not waited for
# Needs: swift, python3 (with venv), /usr/bin/time; Rscript with the survey, data.table,
# jsonlite and stringi packages for the R row (skipped without Rscript). Installs the Python
# peers from PyPI into benchmarks/.venv. Data and outputs go to benchmarks/data/ and
# benchmarks/out/ (not committed). Exits non-zero, without writing RESULTS.md, when a
# peer's numbers disagree with satkit's.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes="100000 1000000"
alone="10000000"
repeats=5
timeout=1800
while [ $# -gt 0 ]; do
  case "$1" in
    --full) sizes="100000 1000000 10000000"; alone=""; shift ;;
    --sizes) sizes="$2"; shift 2 ;;
    --alone) alone="$2"; shift 2 ;;
    --repeats) repeats="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    *) echo "run.sh: unknown argument $1 (try --full, --sizes \"N ...\", --alone \"N ...\", --repeats N, --timeout S)" >&2; exit 64 ;;
  esac
done

echo "== building satkit (release)"
swift build -c release --product satkit >/dev/null
satkit="$(swift build -c release --show-bin-path)/satkit"

echo "== peers (benchmarks/.venv)"
if [ ! -x benchmarks/.venv/bin/python ]; then
  python3 -m venv benchmarks/.venv
fi
benchmarks/.venv/bin/python -m pip install -q --disable-pip-version-check -r benchmarks/requirements.txt

mkdir -p benchmarks/data benchmarks/out
# surveys/sipas.json5 lists 7 services, so `sample --services 200` refuses it: the benchmark
# surveys are copies without the service list (sipas-open: with the design, as shipped;
# sipas-srs: also without weights, strata and clusters, for the jobs the peers compute with
# simple-random-sampling formulas).
echo "== benchmark surveys (benchmarks/data/sipas-open.json5, sipas-srs.json5)"
benchmarks/.venv/bin/python benchmarks/tools/survey_variant.py surveys/sipas.json5 \
  benchmarks/data/sipas-open.json5 --open-group service
benchmarks/.venv/bin/python benchmarks/tools/survey_variant.py surveys/sipas.json5 \
  benchmarks/data/sipas-srs.json5 --open-group service --no-design
for variant in open srs; do
  "$satkit" survey check "benchmarks/data/sipas-$variant.json5" >/dev/null
done
for n in $sizes $alone; do
  file="benchmarks/data/sipas-$n.csv"
  if [ ! -s "$file" ]; then
    echo "== generating $file"
    "$satkit" sample --survey benchmarks/data/sipas-open.json5 --respondents "$n" --wave 2024 --seed 2024 \
      --services 200 --weights -o "$file"
  fi
done

benchmarks/.venv/bin/python benchmarks/harness.py --satkit "$satkit" --repeats "$repeats" --timeout "$timeout" --alone $alone -- $sizes
