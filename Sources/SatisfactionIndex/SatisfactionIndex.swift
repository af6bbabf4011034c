// SatisfactionIndex module. See docs/architecture.md.
