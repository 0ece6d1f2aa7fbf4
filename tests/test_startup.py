"""The window's start-up path: what it imports, and what it leaves for after the first frame.

Speed itself is measured by ``benchmarks/run.py`` (time to window shown); these tests pin
the behaviour that speed depends on, each in a fresh interpreter as a user's start is.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Needed only once a job runs, a result shows, a dialog opens or the worker starts: none
# belongs on the path to the first frame (each cost 1-10 ms there, measured).
NOT_AT_START = ("torch", "transformers", "sqlite3", "logging.handlers", "platformdirs",
                "datetime", "json", "dataclasses", "engine.store", "engine.models",
                "engine.jobs", "engine.inputs", "engine.report", "engine.progress",
                "gui.question_editor", "gui.views.transcript", "gui.views.labels")

# Qt classes whose Python enums PySide6 builds when the class is first touched (QIcon: ~150
# theme icon names, QEvent: ~180 event types...), 1-4 ms each; none is needed to draw the
# window's first frame: icon and shortcuts are set, dialogs and painters made, later.
NOT_BUILT_AT_START = ("QIcon", "QKeySequence", "QEvent", "QPainter", "QMessageBox",
                      "QFileDialog", "QLibraryInfo", "QStyleOption")


def _run(code: str, home: Path) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PIPEDECK_HOME": str(home),
           "XDG_CONFIG_HOME": str(home / "config")}  # the window's settings, fresh
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_launcher_shows_the_window_lean_then_resumes_the_collector_and_opens_the_log(
        tmp_path: Path) -> None:
    out = _run(f"""
        import gc, sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from engine.paths import log_dir
        seen = []

        def first_turn():  # queued before the launcher's own timers, so it runs first
            window = next(w for w in app.topLevelWidgets() if w.objectName() == "main_window")
            seen.append(window.isVisible())
            seen.append(gc.isenabled())
            seen.append(sorted(m for m in {NOT_AT_START!r} if m in sys.modules))
            QTimer.singleShot(0, later)

        def later(waited=0):
            opened = (log_dir() / "pipedeck.log").is_file()  # the worker opens it
            if not opened and waited < 600:  # 30 s: it is the warm-up's first step
                QTimer.singleShot(50, lambda: later(waited + 1))
                return
            seen.append(gc.isenabled() and opened)
            print(seen)
            for window in app.topLevelWidgets():
                window.close()
            app.quit()

        QTimer.singleShot(0, first_turn)
        from gui.launcher import main
        main([])
    """, tmp_path)
    # shown at the first turn, collector still held, nothing heavy imported; then the
    # collector runs again and the worker has opened the log file
    assert out.strip().splitlines()[-1] == "[True, False, [], True]"


def test_after_the_warm_up_the_collector_no_longer_walks_torch_and_transformers(
        tmp_path: Path) -> None:
    """A full collection walks every object it sees, holding the GIL: with torch's and
    transformers' ~365k objects in sight, the window stood still for ~280 ms each time."""
    out = _run("""
        import gc
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        app = QApplication([])

        def check(waited=0):
            window = next((w for w in app.topLevelWidgets()
                           if w.objectName() == "main_window"), None)
            if (window is None or not window.engine_ready) and waited < 2400:  # 120 s
                QTimer.singleShot(50, lambda: check(waited + 1))
                return
            import torch
            import transformers
            seen = {id(o) for o in gc.get_objects()}
            print([id(torch.nn.Linear) in seen, id(transformers.PreTrainedModel) in seen,
                   gc.get_freeze_count() > 100_000, len(seen) < gc.get_freeze_count() / 4])
            window.close()
            app.quit()

        QTimer.singleShot(0, check)
        from gui.launcher import main
        main([])
    """, tmp_path)
    assert out.strip().splitlines()[-1] == "[False, False, True, True]"


def test_closing_during_a_long_warm_up_ends_the_process_cleanly(tmp_path: Path) -> None:
    """Closing while torch still imports (many seconds on a busy machine) is no crash.

    Qt aborts a process whose running QThread is destroyed ("QThread: Destroyed while
    thread is still running", SIGABRT); the app ends the process itself instead.
    """
    out = _run("""
        import threading, time
        from PySide6.QtCore import QThread, QTimer
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        import engine.devices
        from gui import main_window
        warming = threading.Event()

        def slow_devices():  # stands for a warm-up (torch's import) that outlasts the close
            if QThread.currentThread() is not app.thread():
                warming.set()
            time.sleep(30)
            return []

        engine.devices.list_devices = slow_devices
        main_window.MainWindow.CLOSE_WAIT_MS = (100, 100)

        def close_when_warming():
            if not warming.is_set():
                QTimer.singleShot(20, close_when_warming)
                return
            print("closing", flush=True)
            for window in app.topLevelWidgets():
                window.close()
            app.quit()

        QTimer.singleShot(0, close_when_warming)
        from gui.app import run_app
        run_app([])
        print("not reached")
    """, tmp_path)
    assert out.split() == ["closing"]


@pytest.mark.parametrize("page", ["", "image-classification", "text-generation"])
def test_first_frame_builds_no_qt_class_it_does_not_draw(tmp_path: Path, page: str) -> None:
    out = _run(f"""
        import enum, gc, os, sys
        from PySide6.QtCore import QSettings, QTimer
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        if {page!r}:  # the page the window opens on: the last one used
            QSettings("Pipedeck", "Pipedeck").setValue("window/tab", {page!r})

        def first_turn():
            built = {{kind.__qualname__.split(".")[0] for kind in gc.get_objects()
                     if isinstance(kind, enum.EnumType)}}
            print(sorted(built & set({NOT_BUILT_AT_START!r})))
            print("Qt" in vars(sys.modules["PySide6.QtCore"]))  # the namespace: gui/__init__
            QTimer.singleShot(0, later)

        def later():  # the launcher's first-turn work has run: the icon is set
            print(not app.windowIcon().isNull())
            sys.stdout.flush()
            os._exit(0)  # the worker may be importing torch: no need to wait for it

        QTimer.singleShot(0, first_turn)
        from gui.launcher import main
        main([])
    """, tmp_path)
    # none of them (nor the ~90 enums of Qt's namespace) at the first frame; the window
    # icon right after it
    assert out.strip().splitlines()[-3:] == ["[]", "False", "True"]
