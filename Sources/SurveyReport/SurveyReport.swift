// SurveyReport module. See docs/architecture.md.
