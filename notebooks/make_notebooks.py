"""Writes the notebooks of this folder, without outputs.

    .venv-notebooks/bin/python notebooks/make_notebooks.py

Edit the cells here, not in the .ipynb files, and run this again: the notebooks are
generated so that what is committed is always unexecuted (no outputs, no execution
counts). scripts/run-notebooks.sh executes them from scratch.
"""
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

# Finds the repository and the satkit binary; the same first cell in every notebook.
SETUP = '''\
import json
import os
import subprocess
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

# The repository root: the first folder upwards that holds Package.swift
# (the notebook may be opened from notebooks/ or executed from the root).
ROOT = next(p for p in [Path.cwd(), *Path.cwd().parents] if (p / "Package.swift").exists())

# scripts/run-notebooks.sh builds satkit and sets SATKIT_BIN; otherwise ask SwiftPM where
# `swift build` put it (run `swift build --product satkit` first).
SATKIT = os.environ.get("SATKIT_BIN") or str(
    Path(subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True,
                        capture_output=True, text=True).stdout.strip()) / "satkit")
assert Path(SATKIT).exists(), f"{SATKIT} does not exist: run `swift build --product satkit`"


def satkit(*args):
    """Runs satkit in the repository root and returns its JSON output as a dict.
    The import report (rows read, accepted) goes to standard error; it is printed."""
    done = subprocess.run([SATKIT, *args], cwd=ROOT, capture_output=True, text=True)
    print(done.stderr.strip())
    if done.returncode != 0:
        raise RuntimeError(f"satkit exited with {done.returncode}")
    return json.loads(done.stdout)


print("satkit:", SATKIT)'''


def notebook(cells):
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def md(text):
    return new_markdown_cell(text.strip("\n"))


def code(text):
    return new_code_cell(text.strip("\n"))


quickstart = notebook([
    md('''
# satkit quickstart: satisfaction indices with intervals

This notebook runs `satkit analyze` on the bundled SIPAS 2024 sample (3,000 weighted
respondents in 97 villages), reads its JSON output with pandas, and plots the indices with
their confidence intervals.

*Sổ tay này chạy `satkit analyze` trên bộ dữ liệu mẫu SIPAS 2024 và vẽ các chỉ số hài lòng
cùng khoảng tin cậy của chúng.*

satkit does every computation; the notebook only reads and displays. Build satkit first
(`swift build --product satkit`) or run `scripts/run-notebooks.sh`, which does it for you.
'''),
    code(SETUP),
    md('''
## Run the analysis

`--by service` adds one group per administrative service; `--format json` writes the
complete record (the format is described in `docs/output-format.md`); `--lang en` gives
English labels (leave it out for Vietnamese, the survey's default language).
'''),
    code('''
result = satkit("analyze", "--survey", "surveys/sipas.json5", "data/sipas-2024.csv",
                "--by", "service", "--format", "json", "--lang", "en")

assert result["kind"] == "satkit.analysis" and result["schemaVersion"] == 1
data = result["provenance"]["data"]
assert data["rowsRead"] == data["rowsAccepted"] + data["rowsQuarantined"]
settings = result["settings"]
print(result["survey"]["title"])
print("measure:", settings["measure"], "| level:", settings["level"],
      "| minimum valid answers:", settings["minValidN"],
      "| disclosure threshold:", settings["disclosureThreshold"])
print("design:", result["design"]["rDesign"])'''),
    md('''
## From JSON to a table

`groupings` holds the whole sample first (`by: []`), then one grouping per `--by`. Each group
has `nodes`: the indicator tree (overall index, two parts, their aspects, each aspect's
criteria), root first. The function below turns one group's nodes into a data frame, one row
per node. A **suppressed** entry has no `estimate` and no `interval` key, so its numbers
come out empty (`NaN`): satkit never writes a number it would not stand behind.
'''),
    code('''
def nodes_frame(group):
    """One row per node of a group's indicator tree."""
    rows = []
    for node in group["nodes"]:
        estimate = node.get("estimate", {})
        interval = node.get("interval", {})
        rows.append({
            "id": node["id"],
            "label": node["label"],
            "role": node["role"],
            "depth": node["depth"],
            "parent": node["parent"],
            "n": node["n"],
            "excluded": node["counts"]["excluded"],
            "value": estimate.get("value"),
            "lower": interval.get("lower"),
            "upper": interval.get("upper"),
            "se": estimate.get("standardError"),
            "deff": estimate.get("designEffect"),
            "suppressed": node["suppressed"],
            "flags": ", ".join(node["flags"]),
        })
    return pd.DataFrame(rows).astype({"value": float, "lower": float, "upper": float,
                                      "se": float, "deff": float})


whole_sample = result["groupings"][0]["groups"][0]
tree = nodes_frame(whole_sample)
print(whole_sample["label"], "-", whole_sample["respondents"], "respondents")'''),
    md('''
## The whole sample, aspect by aspect

The columns:

- **value**: the share of valid answers that count as satisfied (the survey's `measure` is
  `share`); for an aspect, the mean of its criteria's shares. Shown here in percent.
- **lower**, **upper**: the 95% confidence interval. It is not symmetric around the value:
  shares near 100% have a shorter upper arm.
- **n**: respondents with at least one valid answer in the aspect (for a criterion: valid
  answers); **excluded**: answers left out of the denominator (no answer, don't know, not
  applicable, invalid).
- **deff**: the design effect, the variance relative to a simple random sample of the same
  size; the clustering by village makes it well above 1.
- **flags**: warnings, e.g. `wideInterval` (read with care) or the reasons for suppression.

*Tỷ lệ hài lòng là tỷ lệ câu trả lời hợp lệ ở mức "hài lòng" hoặc "rất hài lòng"; khoảng tin
cậy 95% cho biết mức độ chắc chắn của ước lượng.*
'''),
    code('''
aspects = tree[tree["role"] == "aggregate"].copy()
table = aspects.assign(
    aspect=["    " * (d - 1) + label for d, label in zip(aspects["depth"], aspects["label"])],
    **{c: aspects[c] * 100 for c in ["value", "lower", "upper"]},
)[["aspect", "value", "lower", "upper", "n", "excluded", "deff", "flags"]]
table.style.format({"value": "{:.1f}%", "lower": "{:.1f}", "upper": "{:.1f}", "deff": "{:.2f}"},
                   na_rep="—").hide(axis="index")'''),
    md('''
## Where is it weakest?

The aspect with the lowest index (among the aspects, depth 2), and its criteria with their
intervals. Overlapping intervals mean that the data cannot tell those criteria apart.
'''),
    code('''
aspect_rows = tree[(tree["role"] == "aggregate") & (tree["depth"] == 2)]
weakest = aspect_rows.loc[aspect_rows["value"].idxmin()]
criteria = tree[tree["parent"] == weakest["id"]].sort_values("value")
print(f"Weakest aspect: {weakest['label']} {weakest['value']:.1%} "
      f"({weakest['lower']:.1%} to {weakest['upper']:.1%})")


def interval_plot(frame, title, ax=None):
    """Horizontal dots with interval bars, in percent; suppressed rows are labelled, not drawn."""
    ax = ax or plt.subplots(figsize=(8, 0.5 * len(frame) + 1.2))[1]
    y = range(len(frame))
    shown = frame["value"].notna()
    ax.errorbar(frame["value"][shown] * 100, [i for i, s in zip(y, shown) if s],
                xerr=[(frame["value"] - frame["lower"])[shown] * 100,
                      (frame["upper"] - frame["value"])[shown] * 100],
                fmt="o", capsize=4)
    for i, (s, v) in enumerate(zip(shown, frame["value"])):
        if not s:
            ax.annotate("suppressed", (0.5, i), xycoords=("axes fraction", "data"),
                        ha="center", va="center", color="grey")
    ax.set_yticks(list(y), frame["label"])
    ax.set_xlabel("satisfied, % (95% interval)")
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    return ax


interval_plot(criteria, f"Criteria of the weakest aspect: {weakest['label']}")
plt.tight_layout()
plt.show()'''),
    md('''
## Services on the overall index

The second grouping is `service`. Each service is a domain of the whole sample: its interval
is computed with the full design, as R's `survey` package does for `subset()`.

**Suppressed groups have no numbers.** A group with fewer respondents than the survey's
`disclosureThreshold`, or an entry with fewer valid answers than `minValidN`, is suppressed:
its `value`, `lower` and `upper` are empty and the plot writes "suppressed" instead of a dot.
Only its counts remain. *Nhóm có quá ít người trả lời thì không công bố số liệu.*
'''),
    code('''
by_service = result["groupings"][1]
assert by_service["by"] == ["service"]
services = pd.DataFrame([
    {"service": g["label"], "respondents": g["respondents"],
     "suppressed": g["nodes"][0]["suppressed"],
     **nodes_frame(g).iloc[0][["value", "lower", "upper", "flags"]].to_dict()}
    for g in by_service["groups"]
]).astype({"value": float, "lower": float, "upper": float}).sort_values("value", na_position="first")
print("suppressed services:", int(services["suppressed"].sum()), "of", len(services))
services.style.format({"value": "{:.1%}", "lower": "{:.1%}", "upper": "{:.1%}"},
                      na_rep="—").hide(axis="index")'''),
    code('''
overall = tree.iloc[0]
ax = interval_plot(services.rename(columns={"service": "label"}),
                   "Overall satisfaction index by service")
ax.axvline(overall["value"] * 100, color="grey", linestyle="--",
           label=f"whole sample {overall['value']:.1%}")
ax.legend(loc="lower right")
plt.tight_layout()
plt.show()'''),
    md('''
## Ranks

Ranks come with a bootstrap rank interval: a service ranked 2nd with interval 1–5 could be
anywhere from 1st to 5th. `indistinguishableFromNeighbours` is true when its interval
overlaps a neighbour's.
'''),
    code('''
ranking = result["rankings"][0]
pd.DataFrame(ranking["entries"])[["rank", "rankLower", "rankUpper", "label", "value",
                                  "indistinguishableFromNeighbours"]] \\
    .style.format({"value": "{:.1%}"}).hide(axis="index")'''),
])


yoy = notebook([
    md('''
# Year over year: what changed from 2023 to 2024

This notebook runs `satkit compare` on the two bundled waves (`data/sipas-2023.csv`,
`data/sipas-2024.csv`), first for the whole sample and then by service, and shows each
change with its interval and verdict. The methods are in `docs/methods-compare.md`.

*So sánh chỉ số hài lòng năm 2024 với năm 2023, kèm khoảng tin cậy của mức thay đổi và kết
luận thống kê.*
'''),
    code(SETUP),
    md('''
## Run the comparison

Each `--wave LABEL=FILE` is one year. The JSON has one `step` per pair of consecutive waves;
each step lists the `matches` (which criteria could be compared across survey editions) and,
per node and group, the value `before`, the value `after` and the `change`.
'''),
    code('''
WAVES = ["--wave", "2023=data/sipas-2023.csv", "--wave", "2024=data/sipas-2024.csv"]
comparison = satkit("compare", "--survey", "surveys/sipas.json5", *WAVES,
                    "--format", "json", "--lang", "en")
assert comparison["kind"] == "satkit.comparison" and comparison["schemaVersion"] == 1
print(comparison["independence"])
print("adjustment:", comparison["adjustment"], "| family:", comparison["family"])'''),
    code('''
def changes_frame(step):
    """One row per node and group of a step. A group suppressed in either wave has no
    before/after value and no change: those cells are NaN."""
    rows = []
    for node in step["nodes"]:
        for group in node["groups"]:
            change = group.get("change") or {}
            rows.append({
                "id": node["id"], "label": node["label"], "role": node["role"],
                "group": group["label"], "key": " · ".join(group["key"]),
                "before": group["before"].get("value"),
                "after": group["after"].get("value"),
                "change": change.get("difference"),
                "lower": change.get("lower"), "upper": change.get("upper"),
                "p": change.get("pValue"), "adjusted p": change.get("adjustedPValue"),
                "verdict": group["verdict"], "status": group["status"],
            })
    return pd.DataFrame(rows).astype({c: float for c in
                                      ["before", "after", "change", "lower", "upper", "p", "adjusted p"]})


step = comparison["steps"][0]
print(f"{step['from']} -> {step['to']}")
not_compared = [m for m in step["matches"] if m["status"] != "compared"]
print("nodes not compared:", len(not_compared))
for m in not_compared:
    print(" ", m["id"], m["status"], m["reason"])
changes = changes_frame(step)'''),
    md('''
## The overall index and the aspects

- **before**, **after**: the index in 2023 and 2024 (share satisfied).
- **change**: after − before, in percentage points (pp); **lower**, **upper**: its 95%
  interval. The waves are treated as independent samples, so the variance of the change is
  the sum of the two waves' variances.
- **p**: the test of "no change"; **adjusted p**: after the adjustment for many groups (for
  the whole sample it equals p).
- **verdict**: `improved` or `declined` when the adjusted p is below 0.05, otherwise
  `no-significant-change`; `not-tested` when a wave has no number for the group.

*"Không thay đổi có ý nghĩa thống kê" nghĩa là mức thay đổi nằm trong sai số chọn mẫu.*
'''),
    code('''
pp = {"before": "{:.1%}", "after": "{:.1%}", "change": "{:+.1%}", "lower": "{:+.1%}",
      "upper": "{:+.1%}", "p": "{:.3f}", "adjusted p": "{:.3f}"}
headline = changes[changes["role"].isin(["overall", "aggregate"])]
headline[["label", "before", "after", "change", "lower", "upper", "p", "adjusted p", "verdict"]] \\
    .style.format(pp, na_rep="—").hide(axis="index")'''),
    code('''
COLOURS = {"improved": "tab:green", "declined": "tab:red",
           "no-significant-change": "tab:grey", "not-tested": "lightgrey"}


def change_plot(frame, title):
    """Changes in percentage points with their intervals, coloured by verdict."""
    frame = frame.reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(frame) + 1.2))
    for i, row in frame.iterrows():
        if pd.isna(row["change"]):
            ax.annotate(row["verdict"], (0.5, i), xycoords=("axes fraction", "data"),
                        ha="center", va="center", color="grey")
            continue
        ax.errorbar(row["change"] * 100, i,
                    xerr=[[(row["change"] - row["lower"]) * 100], [(row["upper"] - row["change"]) * 100]],
                    fmt="o", capsize=4, color=COLOURS[row["verdict"]])
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(range(len(frame)), frame["label"])
    ax.invert_yaxis()  # first row on top
    ax.set_xlabel("change, percentage points (95% interval)")
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    for verdict, colour in COLOURS.items():
        if verdict in set(frame["verdict"]):
            ax.plot([], [], "o", color=colour, label=verdict)
    ax.legend(loc="best", fontsize="small")
    plt.tight_layout()
    plt.show()


change_plot(headline, f"Change {step['from']} → {step['to']}, whole sample")'''),
    md('''
## By service, with the Holm adjustment

Seven services are tested at once for each node, so by chance alone one of them could look
significant; the **Holm adjustment** guards against that by multiplying the smallest p-value
by the number of tests, the next by one fewer, and so on (keeping the order), so that the
chance of any false "improved" or "declined" among the seven stays at most 5%. A verdict
follows the adjusted p-value, which is why a service with p = 0.03 can still read
`no-significant-change`. The intervals drawn are not adjusted: a service whose interval
just misses zero can still read `no-significant-change`.
'''),
    code('''
by_service = satkit("compare", "--survey", "surveys/sipas.json5", *WAVES, "--by", "service",
                    "--format", "json", "--lang", "en")
assert by_service["by"] == ["service"]
service_changes = changes_frame(by_service["steps"][0])
overall_by_service = service_changes[(service_changes["id"] == "overall")]
overall_by_service[["group", "before", "after", "change", "lower", "upper", "p", "adjusted p", "verdict"]] \\
    .style.format(pp, na_rep="—").hide(axis="index")'''),
    code('''
change_plot(overall_by_service[overall_by_service["key"] != ""]
            .assign(label=lambda f: f["group"]).sort_values("change", ascending=False),
            "Change of the overall index by service")'''),
    md('''
The first row above is the whole sample (a family of one: its adjusted p is its raw p); the
plot shows the services only. A service suppressed in either year would show `not-tested`
and no number. Verdicts per service and aspect, counted:
'''),
    code('''
service_changes[service_changes["key"] != ""] \\
    .query("role in ['overall', 'aggregate']") \\
    .pivot_table(index="label", columns="verdict", values="change", aggfunc="count", fill_value=0, sort=False)'''),
])


if __name__ == "__main__":
    for name, nb in [("quickstart", quickstart), ("year-over-year", yoy)]:
        # Cell ids fixed by position, so that regenerating gives the same bytes.
        for i, cell in enumerate(nb.cells):
            cell.id = f"{name}-{i:02d}"
        nbformat.validate(nb)
        nbformat.write(nb, HERE / f"{name}.ipynb")
        print(f"wrote notebooks/{name}.ipynb")
