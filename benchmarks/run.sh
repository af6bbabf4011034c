#!/usr/bin/env bash
# Times satkit beside pandas, polars and DuckDB doing the same job on the same file, in one
# run, and writes benchmarks/RESULTS.md. Usage:
#   benchmarks/run.sh                 # 100 thousand and 1 million respondents
#   benchmarks/run.sh --full          # also 10 million (about 1.25 GB of CSV)
#   benchmarks/run.sh --sizes 100000 --repeats 3
# Needs: swift, python3 (with venv), /usr/bin/time. Installs the peers from PyPI into
# benchmarks/.venv. Data goes to benchmarks/data/ (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes="100000 1000000"
repeats=5
while [ $# -gt 0 ]; do
  case "$1" in
    --full) sizes="100000 1000000 10000000"; shift ;;
    --sizes) sizes="$2"; shift 2 ;;
    --repeats) repeats="$2"; shift 2 ;;
    *) echo "run.sh: unknown argument $1 (try --full, --sizes N, --repeats N)" >&2; exit 64 ;;
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
for n in $sizes; do
  file="benchmarks/data/sipas-$n.csv"
  if [ ! -s "$file" ]; then
    echo "== generating $file"
    "$satkit" sample --survey benchmarks/data/sipas-open.json5 --respondents "$n" --wave 2024 --seed 2024 \
      --services 200 --weights -o "$file"
  fi
done

benchmarks/.venv/bin/python benchmarks/harness.py --satkit "$satkit" --repeats "$repeats" $sizes
