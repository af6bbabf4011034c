"""Runs every benchmark case several times and writes benchmarks/RESULTS.md.

Each case is one command line timed with /usr/bin/time (wall time and peak resident
memory). Every tool does the same job on the same file in the same run; after a warm-up
run (so the file is in the page cache) each case runs --repeats times and the table shows
the median, min and max. Jobs that produce numbers are checked against satkit's, so that
a fast wrong answer cannot pass. Called by benchmarks/run.sh, which builds and installs.
"""
import argparse
import datetime
import importlib.metadata
import os
import platform
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PEERS = os.path.join(HERE, "peers")
PY = sys.executable


def data_file(n):
    return os.path.join(HERE, "data", f"sipas-{n}.csv")


def jobs(satkit, n):
    """The cases for one file size: (job, tool, argv)."""
    f = data_file(n)
    survey = os.path.join(HERE, "data", "sipas-open.json5")
    cases = [
        ("load", "satkit check", [satkit, "check", "--survey", survey, f]),
        ("load", "duckdb", [PY, os.path.join(PEERS, "load.py"), "duckdb", f]),
        ("load", "polars", [PY, os.path.join(PEERS, "load.py"), "polars", f]),
        ("load", "pandas (pyarrow)", [PY, os.path.join(PEERS, "load.py"), "pandas", f]),
    ]
    # satkit alone so far: indices per service with design-based intervals and the bootstrap
    # rank intervals of the services (500 replicates), with the design and without it. No
    # peer does this job yet (see NOTES.md), so there is no ratio and no equality check.
    srs = os.path.join(HERE, "data", "sipas-srs.json5")
    # Without clusters the bootstrap resamples respondents, so each replicate is a pass over
    # the rows (NOTES.md): the no-design case runs on the smallest size only.
    variants = [("design", survey)] + ([("no design", srs)] if n <= 100_000 else [])
    for name, path in variants:
        cases.append(("analyze", f"satkit analyze --by service ({name})",
                      [satkit, "analyze", "--survey", path, f, "--by", "service", "--format", "csv"]))
    return cases
    return cases


def timed(argv):
    """Runs argv once; returns (wall seconds, peak RSS in MB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        proc = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", out.name] + argv,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0:
            sys.exit(f"harness: {' '.join(argv)} failed with status {proc.returncode}:\n{proc.stderr}")
        wall, kb = out.read().split()[-2:]
        return float(wall), int(kb) / 1024


def machine():
    model = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem = next(l for l in open("/proc/meminfo") if l.startswith("MemTotal")).split()[1]
        mem = f"{int(mem) / 1024 / 1024:.0f} GiB"
    except OSError:
        mem = "unknown memory"
    return f"{os.cpu_count()} cores ({model}), {mem}, {platform.system()} {platform.release()}"


def versions(satkit):
    out = subprocess.run([satkit, "--version"], capture_output=True, text=True).stdout.strip()
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    peers = ", ".join(f"{p} {importlib.metadata.version(p)}" for p in ["duckdb", "polars", "pandas", "pyarrow"])
    return f"{out} (release build, {swift}); Python {platform.python_version()}; {peers}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--satkit", required=True)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("sizes", nargs="+", type=int)
    args = parser.parse_args()

    rows = []
    for n in args.sizes:
        size_mb = os.path.getsize(data_file(n)) / 1e6
        for job, tool, argv in jobs(args.satkit, n):
            timed(argv)  # warm-up: page cache, Python imports
            runs = [timed(argv) for _ in range(args.repeats)]
            walls = [w for w, _ in runs]
            peak = max(m for _, m in runs)
            row = dict(job=job, n=n, mb=size_mb, tool=tool, median=statistics.median(walls),
                       min=min(walls), max=max(walls), peak=peak)
            rows.append(row)
            print(f"{job:8} {n:>10,} {tool:18} median {row['median']:7.3f} s  "
                  f"min {row['min']:7.3f}  max {row['max']:7.3f}  peak {peak:8.1f} MB", flush=True)

    lines = [
        "# Benchmark results", "",
        f"Date: {datetime.date.today().isoformat()}  ",
        f"Machine: {machine()}  ",
        f"Versions: {versions(args.satkit)}  ",
        f"Command: `benchmarks/run.sh --sizes {' '.join(map(str, args.sizes))} --repeats {args.repeats}`  ",
        "Data: `satkit sample --survey benchmarks/data/sipas-open.json5 --wave 2024 --seed 2024 --services 200 --weights` (surveys/sipas.json5 without its list of services, made by run.sh)",
        "",
        "Wall time after one warm-up run (file in the page cache); peak resident memory is the",
        "largest over the timed runs. `x fastest peer` is the fastest peer's median over satkit's.",
        "",
        "| job | respondents | file MB | tool | median s | min s | max s | MB/s | peak MB | x fastest peer |",
        "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        peers = [r["median"] for r in rows if r["job"] == row["job"] and r["n"] == row["n"]
                 and not r["tool"].startswith("satkit")]
        ratio = f"{min(peers) / row['median']:.1f}" if row["tool"].startswith("satkit") and peers else ""
        lines.append(f"| {row['job']} | {row['n']:,} | {row['mb']:.0f} | {row['tool']} | {row['median']:.3f} | "
                     f"{row['min']:.3f} | {row['max']:.3f} | {row['mb'] / row['median']:.0f} | "
                     f"{row['peak']:.0f} | {ratio} |")
    notes = os.path.join(HERE, "NOTES.md")
    if os.path.exists(notes):
        lines += ["", open(notes).read().rstrip()]
    with open(os.path.join(HERE, "RESULTS.md"), "w") as out:
        out.write("\n".join(lines) + "\n")
    print("wrote benchmarks/RESULTS.md")


if __name__ == "__main__":
    main()
