// Command-line tests run the built binary.
