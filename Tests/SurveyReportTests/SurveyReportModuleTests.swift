// Tests for SurveyReport live in this folder, one file per source file.
