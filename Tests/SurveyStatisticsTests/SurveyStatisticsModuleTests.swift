// Tests for SurveyStatistics live in this folder, one file per source file.
