"""Spoken or generated audio: its length, Play/Stop, and "Save as…" a copy of the WAV.

Playback goes through QtMultimedia, imported on first use (it probes the sound system,
which costs time at start-up). Where no sound output exists (a server, an offscreen
test) the view still shows the length and saves the file; Play is disabled with a note.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from engine.tasks import TaskSpec
from gui.text_only import push_button
from gui.views.detail import DetailView


def clock(seconds: float) -> str:
    """``75.25`` -> ``1:15.3``: a length people read at a glance."""
    minutes, secs = divmod(max(0.0, seconds), 60)
    return f"{int(minutes)}:{secs:04.1f}"


class AudioResultDetail(DetailView):
    """The text that was spoken, the audio's length, Play/Stop and Save as…."""

    def __init__(self, task: TaskSpec, parent: QWidget | None = None) -> None:
        super().__init__(task, parent)
        self.heading = QLabel(self)
        self.heading.setObjectName("audio_heading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel(self)
        self.details.setObjectName("audio_details")
        self.note = QLabel(self)
        self.note.setObjectName("audio_note")
        self.note.setWordWrap(True)
        # room for two wrapped lines, so a long note is never cut to a sliver
        self.note.setMinimumHeight(2 * self.note.fontMetrics().lineSpacing() + 4)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.play_button = push_button(self.tr("Play"), self)
        self.play_button.setObjectName("play_button")
        self.stop_button = push_button(self.tr("Stop"), self)
        self.stop_button.setObjectName("stop_button")
        self.save_button = push_button(self.tr("Save as…"), self)
        self.save_button.setObjectName("save_audio_button")
        self.play_button.clicked.connect(self.play)
        self.stop_button.clicked.connect(self.stop)
        self.save_button.clicked.connect(self._save_clicked)

        buttons = QHBoxLayout()
        buttons.addWidget(self.play_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.audio_file: Path | None = None
        self._player: Any = None
        self._output: Any = None
        self._can_play: bool | None = None
        self._set_enabled(False)

    # -- showing ----------------------------------------------------------------------
    def show_result(self, source: str, merged: dict[str, Any] | None, error: str | None,
                    *, new_source: bool) -> None:
        if new_source:
            self.stop()
        self.heading.setText(error or (str((merged or {}).get("text") or source)))
        self.note.clear()
        file = (merged or {}).get("audio_file")
        if error or not file:
            self.audio_file = None
            self.details.setText("" if error else self.tr("Working…"))
            self._set_enabled(False)
            return
        self.audio_file = Path(str(file))
        duration = float((merged or {}).get("duration_s") or 0.0)
        rate = int((merged or {}).get("sampling_rate") or 0)
        self.details.setText(self.tr("Length {0} · {1} Hz · {2}").replace(
            "{0}", clock(duration)).replace("{1}", str(rate)).replace(
            "{2}", self.audio_file.name))
        if not self.audio_file.is_file():
            self.note.setText(self.tr("The audio file is gone (moved or deleted)."))
            self._set_enabled(False)
            return
        self._set_enabled(True)
        if not self.can_play():
            self.play_button.setEnabled(False)
            self.stop_button.setEnabled(False)
            self.note.setText(self.tr("No sound output found: use Save as… and play the "
                                      "file elsewhere."))

    def clear_view(self) -> None:
        self.stop()
        self.audio_file = None
        self.heading.clear()
        self.details.clear()
        self.note.clear()
        self._set_enabled(False)

    def _set_enabled(self, enabled: bool) -> None:
        for button in (self.play_button, self.stop_button, self.save_button):
            button.setEnabled(enabled)

    # -- playing ----------------------------------------------------------------------
    def can_play(self) -> bool:
        """Whether QtMultimedia is there and finds a sound output (asked once)."""
        if self._can_play is None:
            try:
                from PySide6.QtMultimedia import QMediaDevices

                self._can_play = bool(QMediaDevices.audioOutputs())
            except ImportError:
                self._can_play = False
        return self._can_play

    def player(self) -> Any:
        """The media player, made on first use."""
        if self._player is None:
            from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

            self._output = QAudioOutput(self)
            self._player = QMediaPlayer(self)
            self._player.setAudioOutput(self._output)
            self._player.errorOccurred.connect(self._player_error)
        return self._player

    def play(self) -> None:
        if self.audio_file is None or not self.can_play():
            return
        from PySide6.QtCore import QUrl

        player = self.player()
        player.setSource(QUrl.fromLocalFile(str(self.audio_file)))
        player.play()

    def stop(self) -> None:
        if self._player is not None:
            self._player.stop()

    def _player_error(self, error: Any, message: str) -> None:
        self.note.setText(self.tr("Cannot play this audio: {0}").replace("{0}", message))

    # -- saving -----------------------------------------------------------------------
    def save_audio(self, target: str | Path) -> Path:
        """Copy the WAV to ``target`` (atomically: a partial copy never has its name)."""
        from engine.atomic import atomic_write

        if self.audio_file is None:
            raise OSError("there is no audio to save")
        path = Path(target)
        if not path.suffix:
            path = path.with_suffix(self.audio_file.suffix or ".wav")
        with self.audio_file.open("rb") as source, atomic_write(path, "wb") as handle:
            shutil.copyfileobj(source, handle)
        return path

    def _save_clicked(self) -> None:
        if self.audio_file is None:
            return
        from PySide6.QtWidgets import QFileDialog, QMessageBox  # dialogs: imported when used

        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save audio"), self.audio_file.name,
                                              self.tr("WAV audio (*.wav)"))
        if not name:
            return
        try:
            self.save_audio(name)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Could not save"), str(exc))
