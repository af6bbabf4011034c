"""The "load" job for a peer: read the whole CSV into an in-memory table.

Usage: load.py duckdb|polars|pandas FILE. Prints the row count so that the harness can
see the work was done.
"""
import sys

tool, path = sys.argv[1], sys.argv[2]
if tool == "duckdb":
    import duckdb
    con = duckdb.connect()
    con.execute(f"CREATE TABLE answers AS SELECT * FROM read_csv('{path}', all_varchar = true)")
    rows = con.execute("SELECT count(*) FROM answers").fetchone()[0]
elif tool == "polars":
    import polars as pl
    rows = pl.read_csv(path, infer_schema=False).height
elif tool == "pandas":
    # pandas' engine="pyarrow" cannot pass newlines_in_values, and the comment column holds
    # quoted line breaks: read with pyarrow's CSV reader, as that engine does, then convert.
    import csv
    import pyarrow as pa
    import pyarrow.csv as pacsv
    with open(path, newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    table = pacsv.read_csv(path, parse_options=pacsv.ParseOptions(newlines_in_values=True),
                           convert_options=pacsv.ConvertOptions(column_types={c: pa.string() for c in header}))
    rows = len(table.to_pandas())
else:
    sys.exit(f"load.py: unknown tool {tool}")
print(rows)
