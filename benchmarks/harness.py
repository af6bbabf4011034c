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
import shutil
import signal
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PEERS = os.path.join(HERE, "peers")
PY = sys.executable


def data_file(n):
    return os.path.join(HERE, "data", f"sipas-{n}.csv")


class Case:
    """One command line to time. `output`: the file it writes (checked after the runs);
    `check`: "reference" (satkit's numbers), "full" or "partial" (compared with the
    reference of the same job and size); `repeats`/`warmup`: overrides (R runs once)."""

    def __init__(self, job, tool, argv, output=None, check=None, repeats=None, warmup=True):
        self.job, self.tool, self.argv = job, tool, argv
        self.output, self.check, self.repeats, self.warmup = output, check, repeats, warmup


BOOTSTRAP_TOOL = "satkit analyze --by service --bootstrap 1000 (timed only: bootstrap intervals)"


def jobs(satkit, n, alone=False):
    """The cases for one file size; `alone`: satkit's check and analyze only (no peer, no
    bootstrap, no design), for sizes where the peers are not run."""
    f = data_file(n)
    survey = os.path.join(HERE, "data", "sipas-open.json5")
    srs = os.path.join(HERE, "data", "sipas-srs.json5")
    out = os.path.join(HERE, "out")
    reference = os.path.join(out, f"analyze-satkit-{n}.csv")
    base = [satkit, "analyze", "--survey", srs, f, "--by", "service", "--format", "csv", "--method", "wilson"]
    if alone:
        return [Case("load", "satkit check", [satkit, "check", "--survey", survey, f]),
                Case("analyze", "satkit analyze --by service", base + ["-o", reference])]
    cases = [
        Case("load", "satkit check", [satkit, "check", "--survey", survey, f]),
        Case("load", "duckdb", [PY, os.path.join(PEERS, "load.py"), "duckdb", f]),
        Case("load", "polars", [PY, os.path.join(PEERS, "load.py"), "polars", f]),
        Case("load", "pandas (pyarrow)", [PY, os.path.join(PEERS, "load.py"), "pandas", f]),
    ]
    # analyze: issue 8's job on the no-design survey (simple-random-sampling formulas), per
    # service and overall: criterion shares with Wilson intervals and means with t intervals,
    # the index of every aspect, part and the overall index with its logit interval
    # (peers/analyze_spec.py). `--by` also ranks the services (rank intervals from 2,000
    # normal draws with the services' covariance, one pass), which no peer does; it stays in
    # the timed run. `--bootstrap 500` (bootstrap percentile intervals for every index and
    # bootstrap rank intervals) runs on the smallest size only, and issue 8's `--bootstrap
    # 1000` target on 1 million rows; both are timed but not checked: their intervals are
    # another method's.
    cases.append(Case("analyze", "satkit analyze --by service",
                      base + ["-o", reference], output=reference, check="reference"))
    if n <= 100_000:
        boot = os.path.join(out, f"analyze-satkit-bootstrap-{n}.csv")
        cases.append(Case("analyze", "satkit analyze --by service --bootstrap 500 (not checked: bootstrap intervals)",
                          base + ["--bootstrap", "500", "--seed", "2024", "-o", boot]))
    if n == 1_000_000:
        boot = os.path.join(out, f"analyze-satkit-bootstrap-{n}.csv")
        cases.append(Case("analyze", BOOTSTRAP_TOOL, base + ["--bootstrap", "1000", "--seed", "2024", "-o", boot],
                          warmup=False))
    for peer, name in [("duckdb", "duckdb"), ("polars", "polars"), ("pandas", "pandas (pyarrow)")]:
        path = os.path.join(out, f"analyze-{peer}-{n}.csv")
        cases.append(Case("analyze", name, [PY, os.path.join(PEERS, "analyze.py"), peer, srs, f, path],
                          output=path, check="full"))
    if n <= 100_000 and shutil.which("Rscript"):
        # R survey, to show the gap: one run, no warm-up (minutes); criteria, questions and
        # aspects only (NOTES.md), compared on those.
        path = os.path.join(out, f"analyze-r-{n}.csv")
        cases.append(Case("analyze", "R survey (svyby)",
                          ["Rscript", os.path.join(PEERS, "analyze_survey.R"), os.path.join(out, "analyze-plan.json"),
                           f, path], output=path, check="partial", repeats=1, warmup=False))
    # With the design (weights, 63 strata, villages as clusters): satkit alone, no peer
    # computes design-based intervals here, so no ratio and no check. About 560 MB at 1
    # million rows (NOTES.md): not run on 10 million.
    if n <= 1_000_000:
        cases.append(Case("analyze (design)", "satkit analyze --by service",
                          [satkit, "analyze", "--survey", survey, f, "--by", "service", "--format", "csv"]))
    return cases


class DidNotFinish(Exception):
    pass


def timed(argv, timeout):
    """Runs argv once; returns (wall seconds, peak RSS in MB). Raises DidNotFinish."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        # A session of its own, so that a timeout stops the tool and not only /usr/bin/time.
        proc = subprocess.Popen(["/usr/bin/time", "-f", "%e %M", "-o", out.name] + argv,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)
        try:
            _, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise DidNotFinish(f"not finished after {timeout:.0f} s")
        if proc.returncode != 0:
            text = out.read()
            killed = "signal 9" in text or proc.returncode in (-9, 137)
            tail = stderr.strip().splitlines()[-1:] or [""]
            reason = "killed (out of memory?)" if killed else f"exit status {proc.returncode}: {tail[0][:120]}"
            raise DidNotFinish(reason)
        wall, kb = out.read().split()[-2:]
        return float(wall), int(kb) / 1024


def check(rows, n):
    """Compares every checked peer's output with satkit's for size n; returns False on a mismatch."""
    reference = next((r for r in rows if r["n"] == n and r["check"] == "reference" and r["done"]), None)
    ok = True
    for r in rows:
        if r["n"] != n or r["check"] not in ("full", "partial") or not r["done"]:
            continue
        if reference is None:
            sys.exit(f"harness: no satkit reference output for {n} rows")
        argv = [PY, os.path.join(PEERS, "check_analyze.py"), reference["output"], r["output"]]
        if r["check"] == "partial":
            argv.append("--partial")
        proc = subprocess.run(argv, capture_output=True, text=True)
        print(proc.stdout.rstrip() + ("\n" + proc.stderr.rstrip() if proc.stderr.strip() else ""), flush=True)
        line = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
        worst = line.split("max |difference|: ")[-1] if "max |difference|" in line else ""
        values = [float(x.split()[-1]) for x in worst.split(", ") if x]
        r["checked"] = (f"equal, max abs. difference {max(values):.1g}" if values else "equal") + \
                       (" (partial)" if r["check"] == "partial" else "")
        if proc.returncode != 0:
            r["checked"] = "MISMATCH"
            ok = False
    return ok


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
    peers = ", ".join(f"{p} {importlib.metadata.version(p)}" for p in ["duckdb", "polars", "pandas", "pyarrow", "scipy"])
    text = f"{out} (release build, {swift}); Python {platform.python_version()}; {peers}"
    if shutil.which("Rscript"):
        r = subprocess.run(["Rscript", "-e", 'cat(R.version.string, "; survey ", format(packageVersion("survey")), sep = "")'],
                           capture_output=True, text=True).stdout.strip()
        text += f"; {r}"
    return text


def targets(rows):
    """Issue 8's targets, each read from this run's rows: the lines of a Markdown table."""
    def find(job, n, tool):
        return next((r for r in rows if r["job"] == job and r["n"] == n and r["tool"] == tool and r["done"]), None)

    def verdict(ok):
        return "**yes**" if ok else "no"

    check, analyze = "satkit check", "satkit analyze --by service"
    lines = ["## Issue 8's targets in this run", "",
             "| target | measured | met? |", "| --- | --- | --- |"]
    one = find("analyze", 1_000_000, analyze)
    if one:
        peers = [r for r in rows if r["job"] == "analyze" and r["n"] == 1_000_000 and r["done"]
                 and not r["tool"].startswith("satkit") and not r["tool"].startswith("R ")]
        if peers:
            fastest = min(peers, key=lambda r: r["median"])
            ratio = fastest["median"] / one["median"]
            lines.append(f"| `analyze --by service`, 1M rows: 4× the fastest peer and under 0.5 s | "
                         f"{one['median']:.2f} s; {ratio:.1f}× {fastest['tool']} ({fastest['median']:.2f} s) | "
                         f"{verdict(ratio >= 4 and one['median'] < 0.5)} |")
    ten = {job: find(job, 10_000_000, tool) for job, tool in [("load", check), ("analyze", analyze)]}
    base = {job: find(job, 1_000_000, tool) for job, tool in [("load", check), ("analyze", analyze)]}
    if all(ten.values()) and all(base.values()):
        growth = {job: ten[job]["median"] / base[job]["median"] for job in ten}
        lines.append("| 10M rows: time linear from 1M within 15% | " +
                     ", ".join(f"`{'check' if job == 'load' else 'analyze'}` {growth[job]:.1f}×" for job in growth) +
                     f" the 1M median | {verdict(all(g <= 11.5 for g in growth.values()))} |")
        lines.append("| 10M rows: peak under 500 MB | " +
                     ", ".join(f"`{'check' if job == 'load' else 'analyze'}` {ten[job]['peak']:,.0f} MB" for job in ten) +
                     " | " + ", ".join(f"`{'check' if job == 'load' else 'analyze'}` {verdict(ten[job]['peak'] < 500)}"
                                       for job in ten) + " |")
    else:
        lines.append("| 10M rows: linear time, peak under 500 MB | not run (`--alone 10000000` or `--full`) | |")
    speeds = [(n, r["mb"] / r["median"]) for n in (1_000_000, 10_000_000) for r in [find("load", n, check)] if r]
    if speeds:
        lines.append("| `check` at 400 MB/s | " + ", ".join(f"{mbs:.0f} MB/s at {n // 1_000_000}M" for n, mbs in speeds) +
                     f" | {verdict(all(mbs >= 400 for _, mbs in speeds))} |")
    boot = find("analyze", 1_000_000, BOOTSTRAP_TOOL)
    if one and boot:
        ratio = boot["median"] / one["median"]
        lines.append(f"| 1,000 bootstrap replicates within 10× the closed form, 1M rows | "
                     f"{boot['median']:.2f} s against {one['median']:.2f} s: {ratio:.1f}× | {verdict(ratio <= 10)} |")
    return lines


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--satkit", required=True)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=1800,
                        help="seconds after which a run is stopped and its tool marked as not finished")
    parser.add_argument("--alone", nargs="*", type=int, default=[],
                        help="sizes timed with satkit alone (check and analyze, no peer)")
    parser.add_argument("sizes", nargs="+", type=int)
    args = parser.parse_args()

    os.makedirs(os.path.join(HERE, "out"), exist_ok=True)
    # The R peer's coding rules, from the survey file (R has no JSON5 reader); not timed.
    subprocess.run([PY, os.path.join(PEERS, "analyze.py"), "plan", os.path.join(HERE, "data", "sipas-srs.json5"),
                    os.path.join(HERE, "out", "analyze-plan.json")], check=True)
    rows = []
    mismatch = False
    for n, alone in [(n, False) for n in args.sizes] + [(n, True) for n in args.alone if n not in args.sizes]:
        size_mb = os.path.getsize(data_file(n)) / 1e6
        for case in jobs(args.satkit, n, alone):
            row = dict(job=case.job, n=n, mb=size_mb, tool=case.tool, output=case.output, check=case.check,
                       done=False, checked="", status="")
            rows.append(row)
            if case.output and os.path.exists(case.output):
                os.remove(case.output)   # the check must read this run's numbers
            runs = []
            try:
                if case.warmup:
                    timed(case.argv, args.timeout)  # warm-up: page cache, Python imports
                for _ in range(case.repeats or args.repeats):
                    runs.append(timed(case.argv, args.timeout))
            except DidNotFinish as failure:
                if case.tool.startswith("satkit"):
                    sys.exit(f"harness: {' '.join(case.argv)}: {failure}")
                row["status"] = f"did not finish: {failure}"
                print(f"{case.job:8} {n:>10,} {case.tool:18} {row['status']}", flush=True)
                continue
            walls = [w for w, _ in runs]
            row.update(done=True, median=statistics.median(walls), min=min(walls), max=max(walls),
                       peak=max(m for _, m in runs), runs=len(runs))
            print(f"{case.job:8} {n:>10,} {case.tool:18} median {row['median']:7.3f} s  "
                  f"min {row['min']:7.3f}  max {row['max']:7.3f}  peak {row['peak']:8.1f} MB", flush=True)
        if not check(rows, n):
            mismatch = True
    if mismatch:
        sys.exit("harness: a peer's numbers disagree with satkit's (above); RESULTS.md not written")

    lines = [
        "# Benchmark results", "",
        f"Date: {datetime.date.today().isoformat()}  ",
        f"Machine: {machine()}  ",
        f"Versions: {versions(args.satkit)}  ",
        f"Command: `benchmarks/run.sh --sizes \"{' '.join(map(str, args.sizes))}\" "
        + f"--alone \"{' '.join(map(str, args.alone))}\" --repeats {args.repeats}"
        + (f" --timeout {args.timeout:g}" if args.timeout != 1800 else "") + "`  ",
        "Data: `satkit sample --survey benchmarks/data/sipas-open.json5 --wave 2024 --seed 2024 --services 200 --weights` (surveys/sipas.json5 without its list of services, made by run.sh)",
        "",
        "Wall time after one warm-up run (file in the page cache); peak resident memory is the",
        "largest over the timed runs. `x fastest peer` is the fastest peer's median over satkit's (not for the `--bootstrap` rows, a different job).",
        "`analyze`: issue 8's job on the no-design survey (benchmarks/data/sipas-srs.json5), per",
        "service and overall; every peer's numbers were compared with satkit's from the same run",
        "(`checked`: largest absolute difference of the estimates, standard errors and interval",
        "ends; the run stops on a difference above 1e-9 or a missing entry). R runs once, without",
        "warm-up. satkit's `--by` also ranks the services (rank intervals from 2,000 normal draws",
        "with the services' design covariance), which the peers do not compute; it is in the timed",
        "run. The `--bootstrap` rows are timed only (their intervals are bootstrap percentiles).",
        "`analyze (design)`: satkit alone, with weights, strata and clusters. Sizes without peer",
        "rows were run with satkit alone (`--alone`).",
        "",
        "| job | respondents | file MB | tool | median s | min s | max s | MB/s | peak MB | x fastest peer | checked |",
        "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        if not row["done"]:
            lines.append(f"| {row['job']} | {row['n']:,} | {row['mb']:.0f} | {row['tool']} | "
                         f"{row['status']} | | | | | | |")
            continue
        peers = [r["median"] for r in rows if r["job"] == row["job"] and r["n"] == row["n"] and r["done"]
                 and not r["tool"].startswith("satkit")]
        # Only the closed-form run does the peers' job; a bootstrap run is timed beside it.
        same_job = row["tool"].startswith("satkit") and "--bootstrap" not in row["tool"]
        ratio = f"{min(peers) / row['median']:.1f}" if same_job and peers else ""
        checked = "reference" if row["check"] == "reference" else row["checked"]
        lines.append(f"| {row['job']} | {row['n']:,} | {row['mb']:.0f} | {row['tool']} | {row['median']:.3f} | "
                     f"{row['min']:.3f} | {row['max']:.3f} | {row['mb'] / row['median']:.0f} | "
                     f"{row['peak']:.0f} | {ratio} | {checked} |")
    lines += [""] + targets(rows)
    notes = os.path.join(HERE, "NOTES.md")
    if os.path.exists(notes):
        lines += ["", open(notes).read().rstrip()]
    with open(os.path.join(HERE, "RESULTS.md"), "w") as out:
        out.write("\n".join(lines) + "\n")
    print("wrote benchmarks/RESULTS.md")


if __name__ == "__main__":
    main()
