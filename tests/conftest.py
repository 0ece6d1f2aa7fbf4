"""Shared test set-up: an isolated Pipedeck home, offscreen Qt, tiny local models."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

REPO_ROOT = Path(__file__).resolve().parent.parent


def real_models_dir() -> Path:
    return Path(os.environ.get("PIPEDECK_REAL_MODELS", REPO_ROOT / ".models"))


@pytest.fixture(autouse=True)
def pipedeck_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own job store, logs and settings: never the user's."""
    home = tmp_path / "pipedeck-home"
    monkeypatch.setenv("PIPEDECK_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    yield home


def make_window(qtbot: Any, folder: Path, last_tab: str | None = None) -> Any:
    """A shown 1280×800 main window with its own settings in ``folder``, engine warmed up."""
    from PySide6.QtCore import QSettings

    from gui.main_window import MainWindow
    from gui.settings import Settings

    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    if last_tab is not None:
        settings.last_tab = last_tab
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    win.start_engine()
    qtbot.waitUntil(lambda: win.engine_ready, timeout=60_000)
    return win


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    """A 1280×800 main window with its own settings, engine warmed up (modules may override)."""
    win = make_window(qtbot, tmp_path)
    yield win
    win.close()


def open_tab(window: Any, task_id: str, model: Path) -> Any:
    """Show a task's page with ``model`` chosen for it."""
    tab = window.tabs_by_id[task_id]
    window.tabs.setCurrentWidget(tab)
    window.set_model(str(model))
    return tab


@pytest.fixture(scope="session")
def vit_model() -> Path:
    from tests.tiny.vision import tiny_vit

    return tiny_vit()


@pytest.fixture(scope="session")
def nli_model() -> Path:
    from tests.tiny.text import tiny_nli

    return tiny_nli()


@pytest.fixture(scope="session")
def lm_model() -> Path:
    from tests.tiny.text import tiny_lm

    return tiny_lm()


@pytest.fixture(scope="session")
def images(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Real image files, good and bad, including names with spaces and non-ASCII."""
    from PIL import Image

    folder = tmp_path_factory.mktemp("images")
    files = {}
    for name, color in (("red square.png", (220, 30, 30)), ("grün.jpg", (30, 200, 60)),
                        ("blue.webp", (30, 60, 220))):
        path = folder / name
        Image.new("RGB", (64, 48), color).save(path)
        files[name] = path
    (folder / "empty.png").write_bytes(b"")
    files["empty.png"] = folder / "empty.png"
    (folder / "notes.png").write_text("this is text, not a picture", encoding="utf-8")
    files["notes.png"] = folder / "notes.png"
    good = (folder / "red square.png").read_bytes()
    (folder / "cut.png").write_bytes(good[: len(good) // 2])
    files["cut.png"] = folder / "cut.png"
    files["bomb.png"] = _bomb_png(folder / "bomb.png")
    return files


def _bomb_png(path: Path) -> Path:
    """A valid PNG header claiming 20000×20000 pixels: refused before any pixel is decoded."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", 20000, 20000, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) +
                     chunk(b"IDAT", zlib.compress(b"\x00" * 1000)) + chunk(b"IEND", b""))
    return path


@pytest.fixture(scope="module")
def served() -> Iterator[Any]:
    """A fake Hugging Face Hub on 127.0.0.1 serving the standard tiny repos, per module."""
    from tests.fakehub import FakeHub, standard_repos

    with FakeHub.serving(standard_repos()) as fake:
        yield fake


@pytest.fixture
def hub(served: Any) -> Any:
    """The module's fake Hub, reset, with every search result on one page."""
    served.reset()
    served.page_size = 1000
    return served
