#!/usr/bin/env bash
# Executes every notebook in notebooks/ from scratch and fails if any cell raises.
#   scripts/run-notebooks.sh            all notebooks
#   scripts/run-notebooks.sh NAME...    only these (e.g. notebooks/quickstart.ipynb)
# Needs Swift and python3 with venv only: it creates .venv-notebooks/ at the repository root,
# installs notebooks/requirements.txt into it (pinned, from PyPI), builds satkit, then runs
# each notebook with nbclient on a copy in a temporary folder, so that no output is ever
# written into the repository. Prints one line per notebook and `N passed, N failed`.
# NOTEBOOKS_KEEP=DIR keeps the executed copies in DIR (outside the repository) for reading.
# Exit status: 0 when every notebook passed, 1 otherwise.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
venv="$root/.venv-notebooks"

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r notebooks/requirements.txt
# A kernel of our own name, inside the venv, so that no kernel installed elsewhere on the
# machine under the usual name `python3` is picked up instead.
"$venv/bin/python" -m ipykernel install --sys-prefix --name satkit-notebooks \
  --display-name "Python (satkit notebooks)" >/dev/null

swift build --product satkit
SATKIT_BIN="$(swift build --show-bin-path)/satkit"
export SATKIT_BIN

if [ $# -eq 0 ]; then
  set -- notebooks/*.ipynb
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$venv/bin/python" - "$root" "$work" "$@" <<'PY'
import os
import shutil
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

root, work, names = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]
passed = failed = 0
for name in names:
    source = root / name
    copy = work / source.name
    shutil.copyfile(source, copy)
    nb = nbformat.read(copy, as_version=4)
    started = time.monotonic()
    try:
        # The kernel starts in the repository root, where the notebooks find the survey
        # and the data; outputs stay in memory and in the temporary copy.
        NotebookClient(nb, timeout=600, kernel_name="satkit-notebooks",
                       resources={"metadata": {"path": str(root)}}).execute()
        nbformat.write(nb, copy)
        if os.environ.get("NOTEBOOKS_KEEP"):
            keep = Path(os.environ["NOTEBOOKS_KEEP"])
            keep.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(copy, keep / copy.name)
    except (CellExecutionError, CellTimeoutError, Exception) as error:
        failed += 1
        print(f"FAIL {name} ({time.monotonic() - started:.1f} s)")
        print(str(error), file=sys.stderr)
        continue
    passed += 1
    print(f"PASS {name} ({time.monotonic() - started:.1f} s)")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
