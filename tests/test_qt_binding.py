"""Guards against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 dropped a reference to ``None`` on every void call and to ``True`` on
every ``Signal.emit()``; on Python 3.11 a few hundred progress signals then abort the
app with "Fatal Python error: bool_dealloc". pyproject.toml excludes that release.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer, Signal


class _Emitter(QObject):
    fired = Signal(object)


def test_signals_and_void_calls_keep_reference_counts_intact() -> None:
    emitter = _Emitter()
    timer = QTimer()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(200):
        timer.stop()
        emitter.fired.emit(1)
    assert sys.getrefcount(None) - none_before >= -5
    assert sys.getrefcount(True) - true_before >= -5
