"""Writes a copy of a JSON5 survey with the value list of some groups removed.

Usage: survey_variant.py SOURCE DEST [--open-group ID ...] [--no-design]

--open-group ID removes the `values: [...]` list of group ID, so that `satkit sample
--services N` may invent N services (surveys/sipas.json5 lists 7). --no-design removes the
`design: {...}` entry (weights, strata, clusters), for jobs that peers compute with simple
random sampling formulas. Text edits on the JSON5 source (comments and layout kept); the
result is checked by `satkit survey check` in run.sh.
"""
import argparse
import re
import sys


def matching(text, start, open_char, close_char):
    """Index just past the bracket that closes the one at `start`, skipping strings."""
    depth, i, quote = 0, start, None
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c in "\"'":
            quote = c
        elif c == open_char:
            depth += 1
        elif c == close_char:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    sys.exit("survey_variant.py: unbalanced brackets")


def remove_entry(text, start, key, open_char, close_char):
    """Removes `key: <bracketed>,` found at or after `start`."""
    m = re.compile(r"\b" + key + r"\s*:\s*" + re.escape(open_char)).search(text, start)
    if not m:
        sys.exit(f"survey_variant.py: no {key} after offset {start}")
    end = matching(text, m.end() - 1, open_char, close_char)
    tail = re.match(r"\s*,", text[end:])
    if tail:
        end += tail.end()
    return text[:m.start()] + text[end:]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("source")
    parser.add_argument("dest")
    parser.add_argument("--open-group", action="append", default=[])
    parser.add_argument("--no-design", action="store_true")
    args = parser.parse_args()
    text = open(args.source, encoding="utf-8").read()
    for group in args.open_group:
        m = re.search(r'\{\s*id:\s*"' + re.escape(group) + r'"', text)
        if not m:
            sys.exit(f"survey_variant.py: no group {group}")
        end = matching(text, m.start(), "{", "}")
        entry = remove_entry(text[m.start():end], 0, "values", "[", "]")
        text = text[:m.start()] + entry + text[end:]
    if args.no_design:
        text = remove_entry(text, text.index("columns:"), "design", "{", "}")
    open(args.dest, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    main()
