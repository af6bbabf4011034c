// Tests for SurveySchema live in this folder, one file per source file.
