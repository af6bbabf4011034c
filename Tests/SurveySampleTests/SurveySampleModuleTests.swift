// Tests for SurveySample live in this folder, one file per source file.
