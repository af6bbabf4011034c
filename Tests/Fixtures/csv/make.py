#!/usr/bin/env python3
"""Writes the CSV reading fixtures in this folder, byte for byte.

Run from anywhere: `python3 Tests/Fixtures/csv/make.py`. The files are committed; this script
is how they were made. Files in other encodings are produced with Python's `codecs`
(`str.encode('utf-16-le' | 'utf-16-be' | 'cp1258')`), the way a spreadsheet program saves them:
Excel's "Unicode text" is UTF-16 LE with a byte-order mark, tab-delimited, CRLF; Excel's plain
"CSV" on Vietnamese Windows is code page 1258, whose tone marks are combining characters, so
a letter such as "ấ" is stored as "â" followed by the combining acute accent.

`cp1258-table.txt` is Python's own cp1258 codec, one line per byte 0x80-0xFF: the test
checks satkit's table (written by hand from Microsoft's mapping) against it.
"""
import codecs
import os
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def to_cp1258(text):
    """Encodes NFC text as Windows-1258 does: precomposed where the code page has the letter,
    otherwise base letter (with circumflex, breve or horn if the page has that) plus tone mark."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = b""
    for ch in text:
        try:
            out += codecs.encode(ch, "cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0], d[1:]
        kept = "".join(m for m in marks if m not in tones)
        tone = "".join(m for m in marks if m in tones)
        out += codecs.encode(unicodedata.normalize("NFC", base + kept) + tone, "cp1258")
    return out


# Reading cases (UTF-8).
write("basic.csv", "id,tinh,cau1\n1,Hà Nội,5\n2,Huế,4\n")
write("crlf.csv", "id,cau1\r\n1,5\r\n2,4\r\n")
write("cr.csv", "id,cau1\r1,5\r2,4\r")
write("mixed-line-ends.csv", "id,cau1\n1,5\r\n2,4\r3,3\n")
write("quoted.csv",
      'id,comment,cau1\n'
      '1,"She said ""fine""",5\n'
      '2,"line one\nline two",4\n'
      '3,"a, b; c",3\n'
      '4,"",2\n')
write("bom-utf8.csv", "\ufeffid,tinh,y_kien\n1,Đà Nẵng,Rất hài lòng\n")
write("no-final-newline.csv", "id,cau1\n1,5\n2,4")
write("blank-lines.csv", "\nid,cau1\n\n1,5\r\n\r\n2,4\n\n")
write("trailing-delimiter.csv", "id,cau1,\n1,5,\n2,4,\n")
write("semicolon.csv", "id;tinh;cau1\n1;\"Hà Nội; trung tâm\";4,5\n")
write("tab.tsv", "id\ttinh\tcau1\n1\tHà Nội\t5\n")
write("stray-quote.csv", 'id,size,note\n1,5",ab"c\n2,"x"y,z\n')
write("unterminated.csv", 'id,comment\n1,ok\n2,"never closed\n3,lost\n')
write("ragged.csv", "id,cau1,cau2\n1,5\n2,4,3,9\n")
write("empty.csv", "")
write("header-only.csv", "id,cau1\n")

# Encodings, as spreadsheet programs save them.
vietnamese = [["ma", "tinh", "y_kien"],
              ["1", "Hà Nội", "Rất hài lòng"],
              ["2", "Thừa Thiên Huế", "Không hài lòng"],
              ["3", "Đắk Lắk", "Bình thường"]]
unicode_text = "".join("\t".join(row) + "\r\n" for row in vietnamese)
write("utf16le-bom.txt", codecs.BOM_UTF16_LE + unicode_text.encode("utf-16-le"))
write("utf16be-bom.txt", codecs.BOM_UTF16_BE + unicode_text.encode("utf-16-be"))
csv_text = "".join(",".join(row) + "\r\n" for row in vietnamese)
write("windows-1258.csv", to_cp1258(csv_text))
write("utf8.csv", csv_text)

# Python's cp1258 codec, for checking satkit's table.
lines = []
for byte in range(0x80, 0x100):
    try:
        lines.append("0x%02X U+%04X" % (byte, ord(bytes([byte]).decode("cp1258"))))
    except UnicodeDecodeError:
        lines.append("0x%02X undefined" % byte)
write("cp1258-table.txt", "\n".join(lines) + "\n")
