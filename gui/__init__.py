"""Pipedeck's Qt shell: views and the worker thread; no inference logic lives here."""
