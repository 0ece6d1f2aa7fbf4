"""Pipedeck's engine: tasks, models, inputs, jobs and exports, with no Qt anywhere.

Everything here is usable from the command line, from tests and from the GUI's worker
thread. Heavy libraries (torch, transformers, pypdfium2) are imported inside the
functions that need them so that importing the engine stays cheap.
"""

__version__ = "0.1.0"
