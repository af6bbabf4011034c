// Tests for SatisfactionIndex live in this folder, one file per source file.
