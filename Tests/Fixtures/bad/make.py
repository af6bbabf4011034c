#!/usr/bin/env python3
"""Writes the bad-input corpus: Tests/Fixtures/bad/{survey,csv}/* and expectations.json.

    python3 Tests/Fixtures/bad/make.py            # rewrite the small files and expectations.json
    python3 Tests/Fixtures/bad/make.py --big DIR  # also write the generated big inputs into DIR

Small inputs (under ~64 KB) are committed. Big ones (a 10 MB label, a 10 MB field, 100,000
columns, ...) are not: expectations.json describes each as a recipe
    {"prefix": TEXT, "repeat": TEXT, "count": N, "suffix": TEXT}
(the bytes are prefix + repeat × count + suffix, all UTF-8), which the Swift tests build in
memory and `--big DIR` writes out for the command-line walk. One description, two builders,
no megabytes in git.

Every expected location here is computed by this script, not copied from satkit's output:
a syntax error's place is marked in the text with ⟦E⟧, and the line and column (1-based, the
column counting Unicode scalars, as satkit documents) are counted from the marker. Other
expectations are the path of the broken value, written by hand from docs/survey-format.md.

Exit codes are those of the command line (shared/STYLE.md): 65 for bad input data, 0 for a
file that is read. For CSV they are the exit of `satkit check --strict --survey
Tests/Fixtures/bad/reference-survey.json5 FILE`: 65 when the file cannot be imported or
any row is quarantined.

Outcomes:
  error       loading throws; the message contains `message` (and names the file)
  quarantine  the import finishes; `quarantined` rows go to the quarantine, the first on
              line `line`, its reason containing `message`
  accepted    loading or importing succeeds (a control, or a limit satkit does not have)
Optional fields: `bug` (the input crashes or hangs satkit today; the walk skips it and a
disabled test names it), `knownIssue` (the message lacks the location it should have; the
test records a known issue until the owner fixes it), `note`.
"""
import codecs
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MARK = "⟦E⟧"

entries = []


def locate(text):
    """Removes the ⟦E⟧ marker and returns (text, line, column) of where it was."""
    index = text.index(MARK)
    before = text[:index]
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    return text.replace(MARK, "", 1), line, column


def utf8_error(data):
    """(line, byte offset) of the first byte that is not UTF-8, by Python's decoder; lines end
    at LF, CRLF or a lone CR, as in a CSV file (no quotes in these inputs)."""
    try:
        data.decode("utf-8")
        raise ValueError("the data is valid UTF-8")
    except UnicodeDecodeError as error:
        start = error.start
    before = data[:start]
    line = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
    return line, start


def column_of(text, needle):
    """(line, column) of the first `needle` in `text`, the column in Unicode scalars."""
    index = text.index(needle)
    before = text[:index]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


DEPTH = 64  # JSON5Preflight.maxDepth: docs/robustness.md


def too_deep(text):
    """(line, column) of the bracket that opens nesting level DEPTH + 1: brackets are counted
    outside quoted strings (the corpus texts have no brackets in strings or comments)."""
    depth, quote = 0, None
    for index, char in enumerate(text):
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
            if depth > DEPTH:
                before = text[:index]
                return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        elif char in "]}":
            depth -= 1
    raise ValueError("not nested too deep")


def deep_message(text):
    return "%d:%d: lists and objects are nested more than %d levels deep" % (too_deep(text) + (DEPTH,))


def cp1258(text):
    """`text` in Windows-1258: each letter precomposed where the code page has it, otherwise
    a base letter followed by combining tone marks (as Vietnamese Windows writes it)."""
    import unicodedata
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], list(decomposed[1:])
        # Put back the marks the code page has precomposed letters for (ô, ư, ơ, â, ă, ê).
        for mark in list(marks):
            composed = unicodedata.normalize("NFC", base + mark)
            try:
                composed.encode("cp1258")
            except UnicodeEncodeError:
                continue
            if len(composed) == 1:
                base = composed
                marks.remove(mark)
        out += base.encode("cp1258") + "".join(marks).encode("cp1258")
    return out


def write(relative, data):
    path = os.path.join(HERE, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def survey(name, content, message, outcome="error", exit_code=65, **extra):
    """A survey file. `content` is text (UTF-8) or bytes. A ⟦E⟧ in text marks a syntax error:
    the expected message is then `LINE:COLUMN: not valid JSON5`."""
    if isinstance(content, str):
        if MARK in content:
            content, line, column = locate(content)
            if message:
                extra["detail"] = message
            message = f"{line}:{column}: not valid JSON5"
        content = content.encode("utf-8")
    relative = f"survey/{name}"
    write(relative, content)
    entries.append(dict(file=relative, input="survey", outcome=outcome, exitCode=exit_code, message=message, **extra))


def csv(name, content, outcome, message, line=None, quarantined=None, **extra):
    if isinstance(content, str):
        content = content.encode("utf-8")
    relative = f"csv/{name}"
    write(relative, content)
    entry = dict(file=relative, input="csv", outcome=outcome, exitCode=0 if outcome == "accepted" else 65, message=message)
    if line is not None:
        entry["line"] = line
    if quarantined is not None:
        entry["quarantined"] = quarantined
    entry.update(extra)
    entries.append(entry)


def generated(kind, name, prefix, repeat, count, suffix, outcome, message, numbered=False, **extra):
    """A big input: prefix + repeat × count + suffix. With `numbered`, each `#` in `repeat` is
    replaced by the repetition's number (0, 1, 2, ...)."""
    recipe = dict(prefix=prefix, repeat=repeat, count=count, suffix=suffix)
    if numbered:
        recipe["numbered"] = True
    entry = dict(file=f"{kind}/{name}", input=kind, outcome=outcome,
                 exitCode=0 if outcome == "accepted" else 65, message=message, generated=recipe)
    entry.update(extra)
    entries.append(entry)


# ---------------------------------------------------------------------------------------------
# The reference survey: valid. Survey variants are edits of it; the CSV inputs are read by it.
# CSV header: id,service,w,q1,q2

BASE = """// The survey the bad-input corpus is built from (valid). Made by make.py.
{
  format: 1,
  id: "bad-corpus",
  version: "2025",
  title: { en: "Bad-input corpus", vi: "Bộ dữ liệu lỗi" },
  languages: ["en", "vi"],
  defaultLanguage: "en",
  scales: {
    sat5: {
      points: [
        { value: 1, label: { en: "Very dissatisfied", vi: "Rất không hài lòng" } },
        { value: 2, label: { en: "Dissatisfied", vi: "Không hài lòng" } },
        { value: 3, label: { en: "Neutral", vi: "Bình thường" } },
        { value: 4, label: { en: "Satisfied", vi: "Hài lòng" } },
        { value: 5, label: { en: "Very satisfied", vi: "Rất hài lòng" } },
      ],
      satisfied: [4, 5],
      missing: { dontKnow: ["98"], notApplicable: ["99"] },
    },
  },
  index: { level: 0.95, minValidN: 30 },
  indicators: [
    { id: "staff", label: { en: "Staff", vi: "Công chức" }, children: [
      { id: "polite", label: { en: "Polite", vi: "Lịch sự" }, column: "q1", scale: "sat5" },
      { id: "rules", label: { en: "Follow the rules", vi: "Đúng quy định" }, column: "q2", scale: "sat5" },
    ] },
  ],
  columns: {
    respondent: "id",
    groups: [
      { id: "service", column: "service", label: { en: "Service", vi: "Dịch vụ" },
        values: [
          { code: "HT", label: { en: "Civil registration", vi: "Hộ tịch" } },
          { code: "DD", label: { en: "Land", vi: "Đất đai" } },
        ] },
    ],
    design: { weight: "w" },
  },
}
"""
write("reference-survey.json5", BASE.encode("utf-8"))


def edit(old, new, count=1):
    assert BASE.count(old) >= count, old
    return BASE.replace(old, new, count)


# --- Encoding, empty and odd bytes -----------------------------------------------------------
survey("empty.json5", b"", "1:1: not valid JSON5: the file ends where a value should be")
survey("whitespace-only.json5", " \n\t\n  ⟦E⟧", "the file ends where a value should be")
survey("comment-only.json5", "// a survey will go here\n⟦E⟧", "the file ends where a value should be")
survey("bom-only.json5", b"\xef\xbb\xbf", "1:1: not valid JSON5")
survey("bom-then-survey.json5", b"\xef\xbb\xbf" + BASE.encode(), "", outcome="accepted", exit_code=0,
       note="a UTF-8 byte-order mark before a valid survey (Windows Notepad writes one)")
survey("bom-in-the-middle.json5", BASE.replace('  format: 1,\n', '  format: 1,\n\ufeff').encode(),
       "%d:%d: a byte-order mark (U+FEFF) is allowed only at the start" % column_of(BASE.replace('  format: 1,\n', '  format: 1,\n\ufeff'), "\ufeff"),
       note="JSON5 counts U+FEFF as white space, but Foundation refuses it: satkit refuses it first, with its place")
survey("bom-inside-a-key.json5", edit('  version: "2025",', '  ver\ufeffsion: "2025",'),
       "%d:%d: a byte-order mark" % column_of(edit('  version: "2025",', '  ver\ufeffsion: "2025",'), "\ufeff"))
survey("nul-in-string.json5", edit('id: "bad-corpus"', 'id: "bad\x00corpus"').encode(),
       "%d:%d: the file contains a NUL character" % column_of(edit('id: "bad-corpus"', 'id: "bad\x00corpus"'), "\x00"))
survey("nul-between-values.json5", edit('  format: 1,\n', '  format: 1,\n\x00'),
       "%d:%d: the file contains a NUL character" % column_of(edit('  format: 1,\n', '  format: 1,\n\x00'), "\x00"))
survey("invalid-utf8-in-string.json5", BASE.encode().replace("Bộ dữ liệu lỗi".encode(), b"B\xff"),
       "%d:%d: the file is not valid UTF-8 (byte 0xFF here)" % column_of(BASE, "Bộ dữ liệu lỗi"[1:]))
survey("invalid-utf8-key-crash.json5", b"{\xfd@\xf7\xff\xff\xff", "1:2: the file is not valid UTF-8 (byte 0xFD here); save it as UTF-8",
       note="Foundation's JSON5 scanner traps (CodableUtilities.swift:685, BufferView._decodeScalar via "
            "JSON5Scanner.scanKey/peekU32) on invalid UTF-8 in an unquoted key; found by scripts/fuzz.sh schema in "
            "seconds. satkit checks that the bytes are UTF-8 before decoding.")
survey("truncated-multibyte-at-end.json5", BASE.encode()[:-1] + b"\xe1\xbb",
       "%d:%d: the file is not valid UTF-8 (byte 0xE1 here)" % (BASE.count("\n"), len(BASE.rstrip("\n").split("\n")[-1]) + 1),
       note="a file cut inside a UTF-8 character after the last }")
survey("windows-1258.json5", cp1258(edit('Bộ dữ liệu lỗi', 'Công chức')),
       "%d:%d: the file is not valid UTF-8 (byte 0xF4 here)" % column_of(edit('Bộ dữ liệu lỗi', 'Công chức'), "ông"))
survey("utf16le-with-bom.json5", codecs.BOM_UTF16_LE + BASE.encode("utf-16-le"), "", outcome="accepted", exit_code=0,
       note="UTF-16 with a BOM: Foundation's JSONDecoder reads it")

# --- Syntax errors at known places ------------------------------------------------------------
survey("missing-comma.json5", edit('  version: "2025",\n  title', '  version: "2025"\n  ⟦E⟧title'),
       'expected "," or "}" after the value of "version"')
survey("missing-colon.json5", edit('  defaultLanguage: "en",', '  defaultLanguage ⟦E⟧"en",'),
       'expected ":" after the key "defaultLanguage"')
survey("missing-comma-after-vietnamese.json5", edit('vi: "Lịch sự" }, column: "q1"', 'vi: "Lịch sự" } ⟦E⟧column: "q1"'),
       'expected "," or "}" after the value of "label"',
       note="the column counts Unicode scalars, not bytes, across the Vietnamese text before it")
survey("unclosed-string.json5", edit('  version: "2025",', '  version: ⟦E⟧"2025,'), "this string is not closed")
survey("unclosed-comment.json5", edit('  index: {', '  ⟦E⟧/* index rules\n  index: {'), "this /* comment is not closed")
survey("truncated.json5", BASE[: BASE.index("  indicators:")] + "⟦E⟧", "the file ends inside an object")
survey("extra-closing-brace.json5", BASE.rstrip("\n") + "\n⟦E⟧}\n", "after the end of the top-level value")
survey("unquoted-text-value.json5", edit('  id: "bad-corpus",', '  id: ⟦E⟧bad-corpus,'), "text values need quotes")
survey("mismatched-quotes.json5", edit('  version: "2025",', "  version: ⟦E⟧'2025\","), "this string is not closed")
survey("list-not-closed.json5", edit('  languages: ["en", "vi"],', '  languages: ["en", "vi",\n  ⟦E⟧defaultLanguage: "en",'),
       "")
survey("object-closed-by-bracket.json5", edit('  index: { level: 0.95, minValidN: 30 },', '  index: { level: 0.95, minValidN: 30 ⟦E⟧],'),
       'expected "," or "}" after the value of "minValidN"')
survey("crlf-syntax-error.json5", edit('  version: "2025",\n  title', '  version: "2025"\n  ⟦E⟧title').replace("\n", "\r\n"),
       'expected "," or "}" after the value of "version"', note="CRLF line ends: lines still counted right")
survey("cr-only-syntax-error.json5", edit('  version: "2025",\n  title', '  version: "2025"\r  title').replace("\n", "\r"),
       "6:3: not valid JSON5", note="lone CR line ends (JSON5 line terminators) are counted as line ends")
survey("top-level-list.json5", '[{ format: 1 }]\n', 'expected an object, found a list')
survey("top-level-number.json5", '42\n', 'expected an object, found a number')
survey("top-level-null.json5", 'null\n', 'expected an object, found null')
survey("two-top-level-objects.json5", BASE.rstrip("\n") + "\n⟦E⟧{}\n", "after the end of the top-level value")

# --- Keys: typos, repeats ---------------------------------------------------------------------
survey("typo-top-level-key.json5", edit('  languages: ["en", "vi"],', '  langauges: ["en", "vi"],'),
       'langauges: unknown key "langauges"; did you mean "languages"?')
survey("typo-scale-key.json5", edit('      satisfied: [4, 5],', '      satisifed: [4, 5],'),
       'scales.sat5.satisifed: unknown key "satisifed"; did you mean "satisfied"?')
survey("typo-index-key.json5", edit('index: { level: 0.95,', 'index: { levle: 0.95,'),
       'index.levle: unknown key "levle"; did you mean "level"?')
survey("typo-node-key.json5", edit('column: "q1", scale: "sat5"', 'colum: "q1", scale: "sat5"'),
       'indicators[0].children[0].colum: unknown key "colum"; did you mean "column"?')
survey("typo-design-key.json5", edit('design: { weight: "w" }', 'design: { wieght: "w" }'),
       'columns.design.wieght: unknown key "wieght"; did you mean "weight"?')
survey("typo-language-in-label.json5", edit('vi: "Lịch sự" }', 'vn: "Lịch sự" }'),
       'indicators[0].children[0].label.vn: language "vn" is not in "languages"; did you mean "vi"?')
survey("repeated-top-level-key.json5", edit('  version: "2025",', '  version: "2025",\n  version: "2026",'),
       'version: key "version" appears more than once')
survey("repeated-nested-key.json5", edit('{ value: 3, label:', '{ value: 3, value: 4, label:'),
       'scales.sat5.points[2].value: key "value" appears more than once')
survey("repeated-scale-id.json5", edit('  scales: {\n', '  scales: {\n    sat5: { points: [], satisfied: [] },\n'),
       'scales.sat5: key "sat5" appears more than once')
survey("duplicate-node-id.json5", edit('{ id: "rules",', '{ id: "polite",'),
       'indicators[0].children[1].id: id "polite" is already used at indicators[0].children[0].id')
survey("duplicate-column.json5", edit('column: "q2"', 'column: "q1"'),
       'indicators[0].children[1].column: column "q1" is already used at indicators[0].children[0].column')
survey("undeclared-scale-typo.json5", edit('column: "q2", scale: "sat5"', 'column: "q2", scale: "sat_5"'),
       'indicators[0].children[1].scale: scale "sat_5" is not declared; did you mean "sat5"?')
survey("self-continues.json5", edit('column: "q2", scale: "sat5"', 'column: "q2", scale: "sat5", continues: "rules"'),
       "", outcome="accepted", exit_code=0,
       note="the format has no reference that can form a cycle: `scale` names a scale (scales name nothing) and "
            "`continues` names an id of the previous edition, which is not resolved inside the file")

# --- Numbers ----------------------------------------------------------------------------------
survey("format-1e400.json5", edit('  format: 1,', '  format: 1e400,'),
       "%d:%d: not valid JSON5: the number 1e400 is too large" % column_of(edit('  format: 1,', '  format: 1e400,'), "1e400"),
       note="Foundation refuses a number it cannot represent, without a place; the scanner locates it")
survey("point-value-2-pow-70.json5", edit('{ value: 1, label', '{ value: 1180591620717411303424, label'),
       'scales.sat5.points[0].value: expected a whole number')
survey("band-value-2-pow-70.json5", edit('satisfied: [4, 5]', 'satisfied: [4, 1180591620717411303424]'),
       'scales.sat5.satisfied[1]: expected a whole number')
survey("level-1e-400.json5", edit('level: 0.95', 'level: 1e-400'),
       "%d:%d: not valid JSON5: the number 1e-400 is too small to tell from 0" % column_of(edit('level: 0.95', 'level: 1e-400'), "1e-400"),
       note="as format-1e400: Foundation refuses 1e-400 (it underflows)")
survey("level-nan.json5", edit('level: 0.95', 'level: NaN'), 'index.level: must be above 0 and below 1')
survey("level-infinity.json5", edit('level: 0.95', 'level: Infinity'), 'index.level: must be above 0 and below 1')
survey("min-valid-n-negative.json5", edit('minValidN: 30', 'minValidN: -5'), 'index.minValidN: must be at least 1')
survey("format-fraction.json5", edit('  format: 1,', '  format: 1.5,'), 'format: expected a whole number, found 1.5')
survey("hex-point-value.json5", edit('{ value: 3, label', '{ value: 0x10, label'),
       'scales.sat5.points[2]', note="JSON5 hex: 0x10 is 16, which breaks the run 1, 2, ...")
survey("format-2.json5", edit('  format: 1,', '  format: 2,'), 'format: format 2 is not supported')

# --- Wrong types and values ---------------------------------------------------------------------
survey("wrong-types-everywhere.json5",
       '{ format: "1", id: 5, version: 2025, title: "t", languages: "en", defaultLanguage: ["en"],\n'
       '  scales: [], indicators: {}, questions: "none", columns: 7 }\n',
       'format: expected a number, found a string')
survey("label-is-a-string.json5", edit('label: { en: "Polite", vi: "Lịch sự" }', 'label: "Polite"'),
       'indicators[0].children[0].label: expected an object of texts by language')
survey("null-id.json5", edit('  id: "bad-corpus",', '  id: null,'), 'id: expected a string, found null')
survey("empty-id.json5", edit('  id: "bad-corpus",', '  id: "",'), 'id: must not be empty')
survey("vietnamese-id.json5", edit('{ id: "polite",', '{ id: "lịch_sự",'),
       'indicators[0].children[0].id: id "lịch_sự" may contain only ASCII letters')
survey("reserved-id.json5", edit('{ id: "staff",', '{ id: "overall",'), 'indicators[0].id: id "overall" is reserved')
survey("no-languages.json5", edit('  languages: ["en", "vi"],', '  languages: [],'), 'languages: the list is empty')
survey("default-language-undeclared.json5", edit('  defaultLanguage: "en",', '  defaultLanguage: "fr",'),
       'defaultLanguage: language "fr" is not in "languages"')
survey("label-missing-language.json5", edit('{ en: "Staff", vi: "Công chức" }', '{ en: "Staff" }'),
       'indicators[0].label: no text in "vi"')
survey("one-point-scale.json5",
       edit('        { value: 2, label: { en: "Dissatisfied", vi: "Không hài lòng" } },\n'
            '        { value: 3, label: { en: "Neutral", vi: "Bình thường" } },\n'
            '        { value: 4, label: { en: "Satisfied", vi: "Hài lòng" } },\n'
            '        { value: 5, label: { en: "Very satisfied", vi: "Rất hài lòng" } },\n', '').replace('[4, 5]', '[1]'),
       'scales.sat5.points: a scale needs 2 to 11 points; this one has 1')
survey("points-not-consecutive.json5", edit('{ value: 4, label', '{ value: 7, label'), 'scales.sat5.points')
survey("overlapping-bands.json5", edit('satisfied: [4, 5],', 'satisfied: [4, 5], neutral: [3, 4],'),
       'value 4 is in both')
survey("missing-code-is-a-point.json5", edit('dontKnow: ["98"]', 'dontKnow: ["3"]'),
       'scales.sat5.missing.dontKnow[0]: missing code "3" is also a point value')
survey("children-and-column.json5", edit('{ id: "staff", label: { en: "Staff", vi: "Công chức" }, children: [',
                                         '{ id: "staff", column: "q0", label: { en: "Staff", vi: "Công chức" }, children: ['),
       'indicators[0]: a node has "children"')
survey("empty-aggregate.json5", edit('indicators: [\n', 'indicators: [\n    { id: "empty", label: { en: "E", vi: "E" }, children: [] },\n'),
       'aggregate "empty" has no children')

# --- Nesting ----------------------------------------------------------------------------------
# satkit reads at most DEPTH levels of lists and objects and refuses more at the bracket that
# opens level DEPTH + 1, before any parser runs (Foundation stops at 512, without a place).
def nested(name, text, **extra):
    survey(name, text, deep_message(text), **extra)


nested("nested-lists-100.json5", edit('  version: "2025",', '  version: "2025",\n  description: ' + "[" * 100 + "]" * 100 + ","))
survey("nested-lists-62.json5", edit('  version: "2025",', '  version: "2025",\n  description: ' + "[" * 62 + "]" * 62 + ","),
       'description: expected an object of texts by language',
       note="62 lists inside the top object: 63 levels, within the limit; the loader reads them")
survey("nested-lists-63.json5", edit('  version: "2025",', '  version: "2025",\n  description: ' + "[" * 63 + "]" * 63 + ","),
       'description: expected an object of texts by language', note="64 levels: the limit itself")
nested("nested-lists-64.json5", edit('  version: "2025",', '  version: "2025",\n  description: ' + "[" * 64 + "]" * 64 + ","),
       note="65 levels: one past the limit")
nested("unclosed-lists-600.json5", "{ description: " + "[" * 600)
nested("nested-lists-1000.json5", edit('  version: "2025",', '  version: "2025",\n  description: ' + "[" * 1000 + "]" * 1000 + ","))
nested("nested-objects-1000.json5", edit('  version: "2025",', '  version: "2025",\n  description: ' + "{a:" * 1000 + "1" + "}" * 1000 + ","))


def tree(depth):
    """The reference survey with a chain of `depth` aggregates above one criterion."""
    return edit('  indicators: [\n', '  indicators: [\n' + "".join(
        f'{{ id: "n{i}", label: {{ en: "N", vi: "N" }}, children: [' for i in range(depth)) +
        '{ id: "leaf", label: { en: "L", vi: "L" }, column: "q9", scale: "sat5" }' + "] }," * depth + "\n")


TREE = 20  # SurveyFormat.maxTreeDepth
survey("deep-indicator-tree-20.json5", tree(TREE - 1), "", outcome="accepted", exit_code=0,
       note="19 aggregates and a criterion below them: 20 levels, the limit; loads")
survey("deep-indicator-tree-21.json5", tree(TREE),
       "indicators[0]" + ".children[0]" * TREE + ": this node is more than 20 levels deep in the indicator tree",
       note="a criterion at level 21")
nested("deep-indicator-tree-100.json5", tree(100), note="100 levels of aggregates pass the 64 levels of nesting first")
nested("unclosed-lists-5000.json5", "{ description: " + "[" * 5000,
       note="5,000 open lists overflowed the stack of JSON5Scanner, which recursed once per level; refused at level "
            "65 before the scanner runs, and the scanner stops at 64 levels itself")

# --- Big survey inputs, generated -----------------------------------------------------------
head = BASE[: BASE.index('  title:')]
tail = BASE[BASE.index('  languages:'):]
generated("survey", "label-10mb.json5", head + '  title: { en: "', "x", 10 * 1024 * 1024, '", vi: "y" },\n' + tail,
          "accepted", "", note="a 10 MB label loads: there is no limit on a label's length")
generated("survey", "string-10mb-unclosed.json5", head + '  title: { en: "', "x", 10 * 1024 * 1024, "\n",
          "error", "%d:%d: not valid JSON5" % (head.count("\n") + 1, len('  title: { en: ') + 1),  # at the opening quote
          detail="this string is not closed")
keys = "".join(f"  k{i}: 1,\n" for i in range(5000))
survey("unknown-keys-5000.json5", "{\n" + keys + "}\n", 'k4999: unknown key "k4999"',
       note="5,000 unknown keys, each checked for a near miss (debug build: 2,500 keys 0.29 s, 5,000 0.47 s, "
            "10,000 2.0 s)")
generated("survey", "nested-lists-100000.json5", "{ description: ", "[", 100000, "\n",
          "error", deep_message("{ description: " + "[" * 100),
          note="overflowed the stack of JSON5Scanner before the depth limit")

# ---------------------------------------------------------------------------------------------
# CSV, read with reference-survey.json5. Header: id,service,w,q1,q2
H = "id,service,w,q1,q2\n"
GOOD = "P01,HT,1,4,5\nP02,DD,2,3,4\n"

csv("empty.csv", b"", "error", "the file is empty")
csv("bom-only.csv", b"\xef\xbb\xbf", "error", "the file is empty")
csv("blank-lines-only.csv", "\n\n\r\n\n", "error", "the file is empty")
csv("header-only.csv", H, "accepted", "", note="no rows: accepted, 0 rows read")
csv("header-only-no-newline.csv", H.rstrip("\n"), "accepted", "")
csv("missing-column.csv", "id,service,w,q1,q_2\n" + GOOD, "error", 'no column "q2"')
csv("duplicate-header.csv", "id,service,w,q1,q2,q1\n" + "P01,HT,1,4,5,4\n", "error",
    'line 1: the header names column "q1" more than once (columns 4 and 6)')
csv("duplicate-header-after-trim.csv", "id,service,w, q1 ,q2,q1\n" + "P01,HT,1,4,5,4\n", "error",
    'the header names column "q1" more than once')
csv("header-of-empty-names.csv", ",,,,\n,,,,\n", "error", 'no column "id"')
def invalid_utf8(name, data, **extra):
    csv(name, data, "error", "line %d, byte %d: the file is not valid UTF-8" % utf8_error(data), **extra)


invalid_utf8("truncated-multibyte-at-end.csv", (H + "P01,Hộ tịch,1,4,5\nP02,HT,1,4,Hài l").encode() + "ò".encode()[:1])
invalid_utf8("truncated-multibyte-mid-file.csv", (H + "P01,HT,1,4,5\n").encode() + "ộ".encode()[:2] + b",HT,1,4,5\n")
invalid_utf8("windows-1258-as-utf8.csv", cp1258(H + "P01,Đất đai,1,Hài lòng,4\n"),
    note="a file saved as plain \"CSV\" on Vietnamese Windows, read without --encoding")
csv("utf16le-without-bom.csv", (H + GOOD).encode("utf-16-le"), "error", 'no column "id"',
    note="UTF-16 without a BOM is read as UTF-8: every other byte is NUL, so no header name matches")
csv("utf16le-broken-surrogate.csv", codecs.BOM_UTF16_LE + (H + "P01,HT,1,4,5\n").encode("utf-16-le") + b"\x00\xd8\x41\x00",
    "error", "the file is not valid UTF-16")
csv("nul-in-cell.csv", H + "P01,HT,1,4\x00,5\n", "quarantine", 'column q1: "4\x00" is not a value', line=2, quarantined=1)
csv("nul-in-header.csv", "id,service,w,q\x001,q2\n" + GOOD, "error", 'no column "q1"')
csv("unterminated-quote.csv", H + GOOD + 'P03,HT,1,"4,5\nP04,HT,1,4,5\n', "quarantine",
    "a quoted field opens on line 4 and is never closed", line=4, quarantined=1)
csv("quote-inside-unquoted-field.csv", H + 'P01,HT,1,4",5\n', "quarantine", 'column q1: "4"" is not a value', line=2,
    quarantined=1, note="Excel reads 4\" literally; it is not a scale value")
csv("mixed-line-ends.csv", H.replace("\n", "\r\n") + "P01,HT,1,4,5\rP02,HT,1,4,5\r\nP03,HT,1,44,5\nP04,HT,1,4,5",
    "quarantine", 'column q1: "44" is not a value', line=4, quarantined=1,
    note="LF, CRLF and lone CR in one file: the bad row is still reported on its own line")
csv("bom-in-the-middle.csv", "\ufeff" + H + GOOD + "\ufeff" + H + "P03,HT,1,4,5\n", "quarantine",
    'column q1: "q1" is not a value', line=4, quarantined=1,
    note="two exports joined with cat: the second header, BOM and all, becomes a row")
csv("bom-in-a-cell.csv", H + "P01,HT,1,\ufeff4,5\n", "quarantine", 'column q1:', line=2, quarantined=1)
csv("numbers-with-commas-and-spaces.csv", H + 'P01,HT,1,"4,0", 4 \nP02,HT,1,04,5.00\nP03,HT,"1,5",4,5\nP04,HT,1,"4,5",5\n',
    "quarantine", 'column q1: "4,5" is not a value', line=5, quarantined=1,
    note='"4,0", " 4 ", "04", "5.00" are 4, 4, 4, 5; a weight "1,5" is 1.5; "4,5" is not a whole number')
csv("excel-errors.csv", H + "P01,HT,1,#N/A,5\nP02,HT,#VALUE!,4,5\nP03,HT,1,4,#DIV/0!\nP04,#REF!,1,4,5\n", "quarantine",
    'column q1: "#N/A" is not a value', line=2, quarantined=4)
csv("ragged-rows.csv", H + "P01,HT,1,4\nP02,HT,1,4,5,6,7\nP03,HT,1,4,5\n", "quarantine",
    "the row has 4 fields, the header has 5", line=2, quarantined=2)
csv("duplicate-respondents.csv", H + GOOD + "P01,DD,1,2,2\n", "quarantine",
    "duplicate respondent id P01, first seen on line 2", line=4, quarantined=1)
csv("empty-respondent-id.csv", H + ",HT,1,4,5\n", "quarantine", "column id: the respondent id is empty", line=2, quarantined=1)
csv("unknown-group-value.csv", H + "P01,HTT,1,4,5\n", "quarantine", 'column service: unknown service code "HTT"', line=2,
    quarantined=1)
csv("bad-weights.csv", H + "P01,HT,-1,4,5\nP02,HT,0,4,5\nP03,HT,inf,4,5\nP04,HT,nan,4,5\nP05,HT,1e400,4,5\nP06,HT,,4,5\n",
    "quarantine", 'column w: weight "-1" is not a positive finite number', line=2, quarantined=6)
csv("label-typo.csv", H + "P01,HT,1,Hài lòngg,5\n", "quarantine", 'column q1: "Hài lòngg" is not a value', line=2,
    quarantined=1)
csv("semicolon-decimal-comma.csv", "id;service;w;q1;q2\nP01;HT;1,5;4;5\nP02;DD;0,5;Hài lòng;98\n", "accepted", "",
    note="Excel in a Vietnamese locale: semicolons and decimal commas")
csv("lone-cr-line-ends.csv", (H + GOOD + "P03,HT,1,9,5\n").replace("\n", "\r"), "quarantine", 'column q1: "9"', line=4,
    quarantined=1)
csv("newline-inside-quoted-answer.csv", H + 'P01,HT,1,"4\n",5\nP02,HT,1,x,5\n', "quarantine", 'column q1: "x"', line=4,
    quarantined=1, note="a quoted line end moves every later line number by one")
rng = random.Random(20261122)
garbage = bytes(rng.randrange(256) for _ in range(2048))
first_bad = None
try:
    garbage.decode("utf-8")
except UnicodeDecodeError as error:
    first_bad = error.start
invalid_utf8("random-bytes.csv", garbage,
    note=f"2,048 seeded random bytes; Python's UTF-8 decoder puts the first bad byte at {first_bad}")
csv("long-row-100000-fields.csv", H + "P01,HT,1,4,5" + "," * 100000 + "\n" + "P02,HT,1,4,5," + ",x" * 10 + "\n",
    "quarantine", "the header has 5", line=3, quarantined=1,
    note="trailing empty fields are ignored (100,000 of them); 10 extra non-empty ones are a ragged row")

# Big CSV inputs, generated.
generated("csv", "field-10mb.csv", H + "P01,HT,1,", "4", 10 * 1024 * 1024, ",5\n", "quarantine", "column q1:",
          line=2, quarantined=1, note="a 10 MB answer cell: read (under the 16 MiB field limit) and quarantined. Was "
              "258 s in a debug build (a full Levenshtein table per label; fixed in import c0a5e10), then 4.3 s "
              "(trimming, NFC and the whole-number test of the 10 MB value through Foundation and Character); "
              "0.33 s since import2 (ASCII cells trimmed and lowercased on their bytes, the whole-number rule on "
              "bytes, long cells not cached). Issue 9, finding 3.")
generated("csv", "field-1mb-extra-column.csv", "id,service,w,q1,q2,note\nP01,HT,1,4,5,", "x", 1024 * 1024, "\n",
          "accepted", "", note="a 1 MB cell in a column the survey does not know: read and kept as a level. (10 MB "
          "takes 2.6 s alone in a debug build, 5.2 s beside the other suites: too close to the 5 s hang bound to "
          "keep in the walk; see docs/robustness.md)")
generated("csv", "field-17mb.csv", H + 'P01,HT,1,"', "4", 17 * 1024 * 1024, '",5\n', "error",
          "line 2: a field starting here is longer than 16 MiB, the limit")
generated("csv", "unterminated-quote-17mb.csv", H + 'P01,HT,1,"4,5\n', "P02,HT,1,4,5\n", 17 * 1024 * 1024 // 13, "",
          "error", "line 2: a field starting here is longer than 16 MiB",
          note="a quote never closed in a big file: the field limit stops it, naming the line where it opened. Was "
              "8.5-9.2 s in a debug build with the parallel batch reader (each cut inside the open quote a wrong "
              "guess, the text after it parsed again); 0.67 s since import2 (one worker after a batch that ends "
              "inside a record, the quoted field scanned by memchr, text checked as UTF-8 once). Issue 9, finding 4.")
generated("csv", "header-100000-columns.csv", "id,service,w,q1,q2", ",c#", 100000, "\nP01,HT,1,4,5" + ",v" * 100000 + "\n",
          "accepted", "", numbered=True,
          note="100,000 extra columns (c0 ... c99999), each kept as a grouping column")
generated("csv", "header-100000-same-name.csv", "id,service,w,q1,q2", ",c", 100000, "\n",
          "error", 'line 1: the header names column "c" more than once (columns 6, 7, 8,',
          note="the message lists all 100,000 positions (689 KB of text)")
generated("csv", "blank-lines-1000000.csv", H, "\n", 1000000, "P01,HT,1,9,5\n", "quarantine", 'column q1: "9"',
          line=1000002, quarantined=1, note="a million blank lines before a bad row: line numbers still right")
generated("csv", "rows-100000-distinct-bad-labels.csv", H, "P,HT,1,x,5\n", 100000, "", "quarantine",
          'column q1: "x"', line=2, quarantined=100000, note="the same id on 100,000 rows: the first is quarantined for "
          "its answer, later ones too (answers are checked first)")

with open(os.path.join(HERE, "expectations.json"), "w", encoding="utf-8") as f:
    json.dump(entries, f, ensure_ascii=False, indent=1)
    f.write("\n")

if len(sys.argv) == 3 and sys.argv[1] == "--big":
    out = sys.argv[2]
    for entry in entries:
        recipe = entry.get("generated")
        if recipe:
            path = os.path.join(out, entry["file"])
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(recipe["prefix"].encode())
                if recipe.get("numbered"):
                    for i in range(recipe["count"]):
                        f.write(recipe["repeat"].replace("#", str(i)).encode())
                else:
                    f.write(recipe["repeat"].encode() * recipe["count"])
                f.write(recipe["suffix"].encode())

errors = sum(1 for e in entries if e["outcome"] != "accepted")
print(f"{len(entries)} inputs ({errors} broken, {len(entries) - errors} accepted controls)")
