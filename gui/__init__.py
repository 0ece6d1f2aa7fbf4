"""Pipedeck's Qt shell: views and the worker thread; no inference logic lives here.

The first frame uses no ``Qt.*`` value (``Qt.AlignmentFlag``, ``Qt.Orientation``...): the
first one builds all ~90 Python enums of Qt's namespace at once, ~25 ms of a ~230 ms start.
So the code that draws the first frame imports ``Qt`` inside the functions that run later,
centres labels from a style sheet, and gives views a Python item model only once there is
something to show (PySide passes ``Qt.Orientation`` to a Python model's ``headerData``).
``tests/test_startup.py`` checks that the namespace is still unbuilt at the first
event-loop turn.
"""
