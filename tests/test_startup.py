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

ROOT = Path(__file__).resolve().parent.parent

# Needed only once a job runs, a dialog opens or the worker starts: none belongs on the path
# to the first frame (each cost 2-10 ms there, measured).
NOT_AT_START = ("torch", "transformers", "sqlite3", "logging.handlers", "platformdirs",
                "datetime", "engine.store", "engine.models")


def _run(code: str, home: Path) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PIPEDECK_HOME": str(home)}
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_first_frame_imports_nothing_a_job_or_the_worker_needs(tmp_path: Path) -> None:
    out = _run(f"""
        import sys
        from gui.launcher import prepare_window_start
        prepare_window_start()
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from gui.main_window import MainWindow
        window = MainWindow()
        window.show()
        app.processEvents()
        print(sorted(m for m in {NOT_AT_START!r} if m in sys.modules))
        window.close()
    """, tmp_path)
    assert out.strip().splitlines()[-1] == "[]"


def test_launcher_resumes_the_collector_and_the_worker_opens_the_log(tmp_path: Path) -> None:
    out = _run("""
        import gc, sys
        from gui.launcher import prepare_window_start
        prepare_window_start()
        held = not gc.isenabled()
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from engine.paths import log_dir

        def check():
            windows = [w for w in app.topLevelWidgets() if w.objectName() == "main_window"]
            if not windows or not windows[0].engine_ready:
                QTimer.singleShot(100, check)
                return
            print(held, gc.isenabled(), windows[0].isVisible(),
                  (log_dir() / "pipedeck.log").is_file())
            windows[0].close()
            app.quit()

        QTimer.singleShot(0, check)
        from gui.app import run_app
        run_app([])
    """, tmp_path)
    # held during start-up, running again once the window is up, window shown, log opened
    assert out.strip().splitlines()[-1] == "True True True True"
