"""Training data and training for the text cleaner's block model (not the runtime package)."""
