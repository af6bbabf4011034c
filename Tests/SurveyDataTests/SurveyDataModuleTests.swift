// Tests for SurveyData live in this folder, one file per source file.
