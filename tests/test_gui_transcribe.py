"""The speech tab end to end: drop recordings, segments appear, edit, export, resume."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from gui.main_window import MainWindow
from tests.conftest import open_tab
from tests.speech_fixtures import media_dir, tools_available

pytestmark = [pytest.mark.gui,
              pytest.mark.skipif(not tools_available(), reason="needs espeak-ng and ffmpeg")]


@pytest.fixture(scope="module")
def whisper_folder() -> Path:
    from tests.tiny.whisper import whisper_tiny_random

    return whisper_tiny_random()


@pytest.fixture
def window(window: MainWindow, whisper_folder: Path) -> MainWindow:
    """conftest's window, on the speech page with the tiny Whisper and short pieces."""
    tab = open_tab(window, "automatic-speech-recognition", whisper_folder)
    tab.form.widget("max_new_tokens").setValue(8)  # type: ignore[attr-defined]
    return window


def transcribe(qtbot, win: MainWindow, files: list[Path]):  # type: ignore[no-untyped-def]
    tab = win.tabs_by_id["automatic-speech-recognition"]
    tab.inputs.clear()
    tab.inputs.add_paths([str(f) for f in files])
    with qtbot.waitSignal(win.job_done, timeout=240_000) as done:
        tab.run_button.click()
    return tab, done.args[0]


def test_recordings_queue_up_and_each_gets_its_segments(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    media = media_dir()
    tab, outcome = transcribe(qtbot, window, [media / "speech.m4a", media / "notes.mp3",
                                              media / "speech.wav"])
    assert outcome.state.value == "done" and outcome.errors == 1
    model = tab.results.model
    assert [model.data(model.index(i, 1)) for i in range(3)] == ["Done", "Could not read", "Done"]
    assert "notes.mp3" in model.data(model.index(1, 2))
    tab.results.table.selectRow(0)
    detail = tab.results.detail
    segments = detail.segments.segments
    assert segments, "no segments shown"
    starts = [s["start"] for s in segments]
    assert starts == sorted(starts)


def test_edits_are_saved_and_exports_parse_back(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                tmp_path: Path) -> None:
    tab, _ = transcribe(qtbot, window, [media_dir() / "speech.wav"])
    detail = tab.results.detail
    index = detail.proxy.index(0, 1)
    assert detail.proxy.setData(index, "Corrected words", Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: any(
        "edit" in (r.payload or {}) for r in window.worker._store.results(
            tab.results.model.job_id)), timeout=10_000)
    from gui.export_dialog import export_transcripts

    written = export_transcripts(tab, tab.results.model.gathered(), str(tmp_path),
                                 ["srt", "vtt", "txt"])
    srt = next(p for p in written if p.suffix == ".srt").read_text(encoding="utf-8")
    assert srt.startswith("1\n") and "Corrected words" in srt
    times = re.findall(r"(\d\d:\d\d:\d\d,\d\d\d) --> (\d\d:\d\d:\d\d,\d\d\d)", srt)
    assert times and all(a <= b for a, b in times)
    vtt = next(p for p in written if p.suffix == ".vtt").read_text(encoding="utf-8")
    assert vtt.startswith("WEBVTT")
    again = export_transcripts(tab, tab.results.model.gathered(), str(tmp_path), ["srt"])
    assert again[0] != next(p for p in written if p.suffix == ".srt"), "overwrote silently"


def test_clicking_a_segment_seeks_and_the_playing_segment_follows(
        qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tab, _ = transcribe(qtbot, window, [media_dir() / "speech.wav"])
    detail = tab.results.detail
    segments = detail.segments.segments
    last = len(segments) - 1
    detail.follow(int(float(segments[last]["start"]) * 1000) + 10)
    assert detail.playing_row == last
    detail.seek(float(segments[0]["start"]))
    assert segments[detail.playing_row]["start"] == segments[0]["start"]
    detail.search.setText("zzzz-not-there")
    assert detail.proxy.rowCount() == 0


def test_silence_gives_an_empty_transcript_not_invented_text(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tab, outcome = transcribe(qtbot, window, [media_dir() / "silence-5min.flac"])
    assert outcome.state.value == "done"
    assert tab.results.detail.segments.segments == []
    assert "No speech" in tab.results.detail.now_words.text()
