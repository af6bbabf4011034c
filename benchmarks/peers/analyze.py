"""The "analyze" job for a peer: what `satkit analyze --survey S DATA --by service --format csv`
computes on the no-design survey, per service and for the whole sample.

Usage: analyze.py duckdb|polars|pandas SURVEY DATA OUT.csv

Each engine reads the CSV itself, codes the answers (the coding of every distinct spelling is
decided once, in Python, by the survey file's rules: analyze_spec.ScaleCoder), drops the rows
with an invalid answer, and makes two passes over the rows: (1) per group, the rows, valid
answers, satisfied answers, Σ and Σ² of the keyed values per item, and the respondents with a
valid answer below each parent; (2) per group, Σ z² of every parent's respondent-level
influence value z_i = Σ_c w_c (y_ic − v_ic p_c)/n_c, which needs each group's shares p_c
joined back to its rows. analyze_spec.finish turns those sums into estimates and intervals
(a few thousand scalars; no pass over the rows). It never reads satkit's output.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import analyze_spec  # noqa: E402
from analyze_spec import INVALID, MISSING  # noqa: E402


def mapping(spec, ident, spellings):
    """(spellings, codes) for the distinct cells of one column (None = empty)."""
    code = spec.coder(ident)
    spellings = list(spellings)
    return spellings, [code(s) for s in spellings]


def parents_below(spec):
    return [(a, list(weights.items())) for a, weights in spec.parents]


# ---------------------------------------------------------------------------------------- polars

def run_polars(spec, path):
    import polars as pl
    g = spec.group_column
    items = [(i, c) for i, c, _, _ in spec.items]
    cols = [g] + [c for _, c in items]
    # Categoricals: four bytes a cell rather than a string, so that 10 million rows fit.
    df = pl.read_csv(path, columns=cols, schema_overrides={c: pl.Categorical for c in cols})
    distinct = df.select([pl.col(c).unique().cast(pl.String).implode() for _, c in items]).row(0)
    exprs = []
    for (ident, column), values in zip(items, distinct):
        old, new = mapping(spec, ident, [v for v in values if v is not None] + [""])
        # An empty cell is read as null: as "" (no answer) before the lookup, whose default
        # (a spelling not in the list) would otherwise take it.
        exprs.append(pl.col(column).fill_null("").replace_strict(old, new, default=INVALID, return_dtype=pl.Int8)
                     .alias(ident))
    coded = (df.lazy().select([pl.col(g)] + exprs)
             .filter(pl.all_horizontal([pl.col(i) != INVALID for i, _ in items])).collect())
    del df
    aggs = [pl.len().alias("rows")]
    for ident, _ in items:
        x = pl.col(ident).cast(pl.Int64)
        aggs += [(x > 0).sum().alias(f"nv_{ident}"), x.is_in(spec.satisfied[ident]).sum().alias(f"x_{ident}"),
                 x.sum().alias(f"s1_{ident}"), (x * x).sum().alias(f"s2_{ident}")]
    for a, below in parents_below(spec):
        aggs.append(pl.any_horizontal([pl.col(c) > 0 for c, _ in below]).sum().alias(f"n_{a}"))
    by = coded.lazy().group_by(g).agg(aggs).collect()
    whole = coded.lazy().select(aggs).collect()

    # Pass 2: u_c = (y_c − v_c p_c)/n_c per criterion with the row's group's p and 1/n, then
    # every parent's z = Σ w_c u_c, squared and summed per group.
    def u(c):
        return ((pl.col(c).is_in(spec.satisfied[c]).cast(pl.Float64)
                 - (pl.col(c) > 0).cast(pl.Float64) * pl.col(f"p_{c}")) * pl.col(f"r_{c}")).alias(f"u_{c}")

    zz = [pl.sum_horizontal([w * pl.col(f"u_{c}") for c, w in below]).pow(2).sum().alias(f"zz_{a}")
          for a, below in parents_below(spec)]
    stats_by = by.select([pl.col(g)] + [(pl.col(f"x_{i}") / pl.col(f"nv_{i}")).fill_nan(0.0).alias(f"p_{i}")
                                        for i in spec.criteria]
                         + [pl.when(pl.col(f"nv_{i}") > 0).then(1.0 / pl.col(f"nv_{i}")).otherwise(0.0).alias(f"r_{i}")
                            for i in spec.criteria])
    zz_by = (coded.lazy().join(stats_by.lazy(), on=g, how="left").with_columns([u(c) for c in spec.criteria])
             .group_by(g).agg(zz).collect(engine="streaming"))
    w = whole.row(0, named=True)
    consts = [pl.lit((w[f"x_{i}"] / w[f"nv_{i}"]) if w[f"nv_{i}"] else 0.0).alias(f"p_{i}") for i in spec.criteria] + \
             [pl.lit((1.0 / w[f"nv_{i}"]) if w[f"nv_{i}"] else 0.0).alias(f"r_{i}") for i in spec.criteria]
    zz_whole = (coded.lazy().with_columns(consts).with_columns([u(c) for c in spec.criteria]).select(zz)
                .collect(engine="streaming").row(0, named=True))
    groups = [("", {**w, **zz_whole})]
    zz_rows = {r[g]: r for r in zz_by.iter_rows(named=True)}
    for r in by.iter_rows(named=True):
        groups.append((r[g], {**r, **zz_rows[r[g]]}))
    return int(w["rows"]), groups


# ---------------------------------------------------------------------------------------- pandas

def run_pandas(spec, path):
    import csv
    import numpy as np
    import pandas as pd
    import pyarrow as pa
    import pyarrow.csv as pacsv
    g = spec.group_column
    items = [(i, c) for i, c, _, _ in spec.items]
    cols = [g] + [c for _, c in items]
    with open(path, newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    missing = [c for c in cols if c not in header]
    if missing:
        sys.exit(f"analyze.py: columns {missing} not in {path}")
    # pandas' engine="pyarrow" cannot pass newlines_in_values (the comment column holds quoted
    # line breaks): pyarrow's CSV reader as that engine uses it, streamed in blocks so that
    # 10 million rows fit in memory; each block becomes a pandas frame of categoricals, coded
    # at once to one byte per answer (a code decided once per spelling).
    reader = pacsv.open_csv(
        path, read_options=pacsv.ReadOptions(block_size=64 << 20),
        parse_options=pacsv.ParseOptions(newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(
            include_columns=cols, column_types={c: pa.dictionary(pa.int32(), pa.string()) for c in cols}))
    decided = {ident: {} for ident, _ in items}
    coders = {ident: spec.coder(ident) for ident, _ in items}
    group_ids = {}
    chunks = {ident: [] for ident, _ in items}
    group_chunks = []
    for batch in reader:
        df = batch.to_pandas()
        for ident, column in items:
            cat = df[column]
            known = decided[ident]
            codes = []
            for spelling in cat.cat.categories:
                if spelling not in known:
                    known[spelling] = coders[ident](spelling)
                codes.append(known[spelling])
            lookup = np.array(codes + [MISSING], dtype=np.int8)   # category code −1 (null) → last
            chunks[ident].append(lookup[cat.cat.codes.to_numpy()])
        cat = df[g]
        ids = np.array([group_ids.setdefault(v, len(group_ids)) for v in cat.cat.categories] + [-1], dtype=np.int32)
        group_chunks.append(ids[cat.cat.codes.to_numpy()])
        del df
    frame = pd.DataFrame({ident: np.concatenate(chunks[ident]) for ident, _ in items})
    del chunks
    group = np.concatenate(group_chunks)
    keep = (frame != INVALID).all(axis=1).to_numpy()
    if not keep.all():
        frame, group = frame[keep], group[keep]
    names = list(group_ids)
    G = len(names)
    groups_rows = pd.Series(group).value_counts().reindex(range(G), fill_value=0).to_numpy()
    # Pass 1: per item, the answers counted by (group, keyed value); the sums follow exactly.
    sums = [dict(rows=int(groups_rows[k])) for k in range(G)]
    whole = dict(rows=int(len(frame)))
    for ident, _ in items:
        x = frame[ident].to_numpy()
        top = int(x.max()) + 1 if len(x) else 1
        # (group, value) counts; NumPy's bincount, as pandas' own groupby would be 10 times slower here.
        table = np.bincount(group.astype(np.int64) * top + x, minlength=G * top).reshape(G, top)
        values = np.arange(top, dtype=np.int64)
        sat = np.isin(values, spec.satisfied[ident]) & (values > 0)
        nv = table[:, 1:].sum(axis=1)
        xs = table[:, sat].sum(axis=1)
        s1 = table @ values
        s2 = table @ (values * values)
        for k in range(G):
            sums[k].update({f"nv_{ident}": int(nv[k]), f"x_{ident}": int(xs[k]), f"s1_{ident}": int(s1[k]),
                            f"s2_{ident}": int(s2[k])})
        whole.update({f"nv_{ident}": int(nv.sum()), f"x_{ident}": int(xs.sum()), f"s1_{ident}": int(s1.sum()),
                      f"s2_{ident}": int(s2.sum())})
    valid = {c: frame[c].to_numpy() > 0 for c in spec.criteria}
    sat = {c: np.isin(frame[c].to_numpy(), spec.satisfied[c]) for c in spec.criteria}
    for a, below in parents_below(spec):
        any_valid = np.zeros(len(frame), dtype=bool)
        for c, _ in below:
            any_valid |= valid[c]
        counts = pd.Series(any_valid).groupby(group).sum().reindex(range(G), fill_value=0).to_numpy()
        for k in range(G):
            sums[k][f"n_{a}"] = int(counts[k])
        whole[f"n_{a}"] = int(any_valid.sum())
    # Pass 2: each row's group shares through its group's position.
    nv_by = {c: np.array([sums[k][f"nv_{c}"] for k in range(G)], dtype=float) for c in spec.criteria}
    x_by = {c: np.array([sums[k][f"x_{c}"] for k in range(G)], dtype=float) for c in spec.criteria}
    p_by = {c: np.divide(x_by[c], nv_by[c], out=np.zeros(G), where=nv_by[c] > 0) for c in spec.criteria}
    r_by = {c: np.divide(1.0, nv_by[c], out=np.zeros(G), where=nv_by[c] > 0) for c in spec.criteria}
    for a, below in parents_below(spec):
        z_g = np.zeros(len(frame))
        z_w = np.zeros(len(frame))
        for c, w in below:
            nv = whole[f"nv_{c}"]
            p_w = whole[f"x_{c}"] / nv if nv else 0.0
            r_w = 1.0 / nv if nv else 0.0
            z_g += w * (sat[c] - valid[c] * p_by[c][group]) * r_by[c][group]
            z_w += w * (sat[c] - valid[c] * p_w) * r_w
        zz = pd.Series(z_g * z_g).groupby(group).sum().reindex(range(G), fill_value=0.0).to_numpy()
        for k in range(G):
            sums[k][f"zz_{a}"] = float(zz[k])
        whole[f"zz_{a}"] = float((z_w * z_w).sum())
    groups = [("", whole)] + [(names[k], sums[k]) for k in range(G) if sums[k]["rows"] > 0]
    return whole["rows"], groups


# ---------------------------------------------------------------------------------------- duckdb

def run_duckdb(spec, path):
    import duckdb
    g = spec.group_column
    items = [(i, c) for i, c, _, _ in spec.items]
    con = duckdb.connect()
    # Spill to disk rather than fail on 10 million rows; order of rows is not needed.
    spill = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "out", "duckdb.tmp")
    con.execute(f"SET temp_directory = '{spill}'")
    con.execute("SET preserve_insertion_order = false")
    q = lambda name: '"' + name.replace('"', '""') + '"'  # noqa: E731
    lit = lambda text: "'" + text.replace("'", "''") + "'"  # noqa: E731
    select = ", ".join(q(c) for c in [g] + [c for _, c in items])
    con.execute(f"CREATE TABLE raw AS SELECT {select} FROM read_csv({lit(path)}, all_varchar = true, header = true)")
    distinct = con.execute("SELECT " + ", ".join(f"list(DISTINCT {q(c)})" for _, c in items) + " FROM raw").fetchone()
    cases = []
    for (ident, column), values in zip(items, distinct):
        old, new = mapping(spec, ident, [v for v in values or [] if v is not None])
        whens = " ".join(f"WHEN {lit(o)} THEN {n}" for o, n in zip(old, new))
        cases.append(f"CAST(CASE WHEN {q(column)} IS NULL THEN {MISSING} "
                     f"ELSE (CASE {q(column)} {whens} ELSE {INVALID} END) END AS TINYINT) AS {q(ident)}")
    valid_row = " AND ".join(f"{q(i)} <> {INVALID}" for i, _ in items)
    con.execute(f"CREATE TABLE coded AS SELECT * FROM (SELECT {q(g)} AS grp, {', '.join(cases)} FROM raw) WHERE {valid_row}")
    con.execute("DROP TABLE raw")
    sat = lambda i: f"({q(i)} IN ({', '.join(map(str, spec.satisfied[i]))}))"  # noqa: E731
    aggs = ["count(*) AS rows"]
    for ident, _ in items:
        x = f"CAST({q(ident)} AS BIGINT)"
        aggs += [f"count(*) FILTER (WHERE {q(ident)} > 0) AS {q('nv_' + ident)}",
                 f"count(*) FILTER (WHERE {sat(ident)}) AS {q('x_' + ident)}",
                 f"sum({x}) AS {q('s1_' + ident)}", f"sum({x} * {x}) AS {q('s2_' + ident)}"]
    for a, below in parents_below(spec):
        anyv = " OR ".join(f"{q(c)} > 0" for c, _ in below)
        aggs.append(f"count(*) FILTER (WHERE {anyv}) AS {q('n_' + a)}")
    con.execute(f"CREATE TABLE sums AS SELECT grp, grouping(grp) AS whole, {', '.join(aggs)} "
                f"FROM coded GROUP BY GROUPING SETS ((grp), ())")
    shares = ", ".join(
        f"CASE WHEN {q('nv_' + c)} > 0 THEN {q('x_' + c)} / {q('nv_' + c)} ELSE 0 END AS {q('p_' + c)}, "
        f"CASE WHEN {q('nv_' + c)} > 0 THEN 1.0 / {q('nv_' + c)} ELSE 0 END AS {q('r_' + c)}"
        for c in spec.criteria)
    con.execute(f"CREATE TABLE stats AS SELECT grp, whole, {shares} FROM sums")

    def zz(a, below):
        terms = " + ".join(
            f"{w!r} * (CAST({sat(c)} AS DOUBLE) - CAST({q(c)} > 0 AS DOUBLE) * s.{q('p_' + c)}) * s.{q('r_' + c)}"
            for c, w in below)
        return f"sum(pow({terms}, 2)) AS {q('zz_' + a)}"

    zzs = ", ".join(zz(a, below) for a, below in parents_below(spec))
    zz_rows = con.execute(
        f"SELECT d.grp, 0 AS whole, {zzs} FROM coded d JOIN stats s ON d.grp = s.grp AND s.whole = 0 GROUP BY d.grp "
        f"UNION ALL SELECT NULL, 1, {zzs} FROM coded d, (SELECT * FROM stats WHERE whole = 1) s")
    names = [c[0] for c in zz_rows.description]
    zz_by = {(r[1], r[0]): dict(zip(names, r)) for r in zz_rows.fetchall()}
    cur = con.execute("SELECT * FROM sums ORDER BY whole DESC")
    names = [c[0] for c in cur.description]
    groups = []
    total = None
    for r in cur.fetchall():
        row = dict(zip(names, r))
        key = (1, None) if row["whole"] else (0, row["grp"])
        if row["whole"]:
            total = int(row["rows"])
        groups.append(("" if row["whole"] else row["grp"], {**row, **zz_by[key]}))
    return total, groups


def write_plan(spec, out):
    """The survey's rules as plain JSON for the R script (which has no JSON5 reader): per item
    its column, the keys (trimmed, NFC, lower-cased cells) of labels and missing codes with
    their keyed value (0: missing), the scale's values, reverse keying and satisfied values;
    per aspect (a parent whose children are all criteria) its criteria."""
    import json
    items = []
    for ident, column, scale_name, reverse in spec.items:
        coder = analyze_spec.ScaleCoder(spec.scales[scale_name], reverse)
        items.append(dict(id=ident, column=column, keys=coder.by_key, values=coder.values,
                          reverse=reverse, satisfied=spec.satisfied[ident]))
    aspects = [dict(id=a, criteria=spec.children[a]) for a, _ in spec.parents
               if all(c in spec.criteria for c in spec.children[a])]
    with open(out, "w", encoding="utf-8") as f:
        json.dump(dict(group=spec.group_column, level=spec.level, items=items, aspects=aspects), f,
                  ensure_ascii=False, indent=1)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "plan":
        write_plan(analyze_spec.Spec(sys.argv[2]), sys.argv[3])
        return
    if len(sys.argv) != 5:
        sys.exit("usage: analyze.py duckdb|polars|pandas SURVEY DATA OUT.csv, or analyze.py plan SURVEY OUT.json")
    tool, survey, data, out = sys.argv[1:]
    spec = analyze_spec.Spec(survey)
    run = {"duckdb": run_duckdb, "polars": run_polars, "pandas": run_pandas}.get(tool)
    if run is None:
        sys.exit(f"analyze.py: unknown tool {tool}")
    total, groups = run(spec, data)
    rows = analyze_spec.finish(spec, total, groups)
    analyze_spec.write(out, rows)
    print(f"{tool}: {len(groups) - 1} groups, {total} rows, {len(rows)} entries -> {out}")


if __name__ == "__main__":
    main()
