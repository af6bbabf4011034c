// SurveySchema module. See docs/architecture.md.
