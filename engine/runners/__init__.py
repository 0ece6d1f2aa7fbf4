"""Task runners: the loop that feeds one task's inputs to a loaded pipeline."""
