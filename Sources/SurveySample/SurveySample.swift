// SurveySample module. See docs/architecture.md.
