// SurveyStatistics module. See docs/architecture.md.
