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
    import pandas as pd
    rows = len(pd.read_csv(path, engine="pyarrow", dtype=str))
else:
    sys.exit(f"load.py: unknown tool {tool}")
print(rows)
