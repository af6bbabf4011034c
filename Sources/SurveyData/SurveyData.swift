// SurveyData module. See docs/architecture.md.
