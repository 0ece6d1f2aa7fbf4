"""Starting the window: show it first, then warm the engine up on the worker."""

from __future__ import annotations

import gc
import logging
import sys
import traceback
from collections.abc import Sequence
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from engine.paths import log_dir, resource

if TYPE_CHECKING:
    from gui.main_window import MainWindow

log = logging.getLogger(__name__)


def install_translators(app: QApplication, language: str = "",
                        names: Sequence[str] = ("pipedeck", "qtbase")) -> list[QTranslator]:
    """Pipedeck's own strings and Qt's (``names``), for ``language`` or the system locale."""
    locale = QLocale(language) if language else QLocale.system()
    translators = []
    for name in names:
        if name == "pipedeck":
            folder = str(resource("translations"))
        else:
            from PySide6.QtCore import QLibraryInfo  # where Qt's own translations lie

            folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def show_crash_dialog(summary: str, details: str) -> None:
    """A short message, the details folded away, and a button that copies them."""
    from PySide6.QtWidgets import QMessageBox  # not on the start-up path (its enums cost)

    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Pipedeck")
    box.setText(QApplication.translate(
        "app", "Something went wrong, but your finished work is saved."))
    box.setInformativeText(summary + "\n\n" + QApplication.translate(
        "app", "The details are in the log file: {0}").replace(
            "{0}", str(log_dir() / "pipedeck.log")))
    box.setDetailedText(details)
    copy = box.addButton(QApplication.translate("app", "Copy details"),
                         QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    try:
        copy.clicked.disconnect()  # keep the dialog open after copying
    except (RuntimeError, TypeError):
        pass
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.exec()


def install_excepthook() -> None:
    """Unexpected errors: logged in full, shown as a short message; the app keeps going."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, value, tb))
        try:  # the worker opens the log after the first frame; an earlier error opens it here
            from engine.logs import setup_logging

            setup_logging()
        except Exception:
            pass
        log.error("unexpected error\n%s", details)
        if QApplication.instance() is None:
            return
        show_crash_dialog(str(value)[:300], details)

    sys.excepthook = hook


def resume_gc() -> None:
    """Let the collector run again once the window is up (the launcher held it).

    What start-up built lives as long as the app, so it is frozen first: later collections
    do not walk it again.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def run_app(argv: Sequence[str] = ()) -> int:
    args = list(argv)
    language = ""
    if "--lang" in args and args.index("--lang") + 1 < len(args):
        language = args[args.index("--lang") + 1]
    app = QApplication.instance() or QApplication([sys.argv[0], *args])
    assert isinstance(app, QApplication)
    app.setApplicationName("Pipedeck")
    app.setOrganizationName("Pipedeck")
    from gui.settings import Settings

    settings = Settings()
    language = language or settings.language
    install_translators(app, language, ("pipedeck",))
    install_excepthook()
    from gui.main_window import MainWindow

    window = MainWindow(settings)
    window.worker.open_log = True
    window.worker.freeze_imports = True
    window.show()
    QTimer.singleShot(0, resume_gc)
    QTimer.singleShot(0, lambda: finish_start(app, window, language))
    status = int(app.exec())
    if window.engine_thread.isRunning():  # closed, or the session ended, while the engine works
        window.worker.cancel()
        window.settings.sync()
        end_now(status)
    return status


def end_now(status: int) -> None:
    """End the process while the engine's thread still runs.

    The window was closed during the warm-up (importing torch can take many seconds on a
    busy or slow machine) or during a model step that did not stop in time. Qt aborts a
    process whose running QThread is destroyed, which the user would see as a crash; there
    is nothing left to save that the user has seen (a result is shown only once committed,
    the settings are synced), so the process ends here, its log and output flushed. A job
    cut short is marked interrupted at the next start, its saved work kept.
    """
    import os

    log.warning("closing while the engine is still busy; ending the process")
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(status)


def finish_start(app: QApplication, window: MainWindow, language: str) -> None:
    """What the first frame does not show, done once it is on screen.

    The window icon and Qt's own translations (its dialogs' buttons, context menus) wait
    for the first event-loop turn: each builds a Qt class whose Python enums cost
    milliseconds (``QIcon`` has ~150 theme icon names). Then the engine starts.
    """
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(resource("icons", "pipedeck.png"))))
    install_translators(app, language, ("qtbase",))
    window.start_engine()
