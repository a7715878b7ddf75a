"""Training loops written as plain iterators of events, driven alike by the CLI and the GUI."""
