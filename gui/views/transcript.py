"""Read along: the transcript's segments beside a player that follows them.

Segments are listed with their times; clicking one plays from there, the playing one
is highlighted and followed, and the current word is shown in bold when the model gave
word times. Segment text is editable; each edit is sent to the job store at once (an
append-only log of edits, so a crash never loses one).
"""

from __future__ import annotations

import bisect
import html
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSlider,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from engine.tasks import TaskSpec
from gui.text_only import push_button
from gui.views.detail import DetailView

_Index = QModelIndex | QPersistentModelIndex


def clock(seconds: float) -> str:
    seconds = max(0.0, seconds)
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class SegmentsModel(QAbstractTableModel):
    """Start, end and text of each segment; the text column is editable."""

    edited = Signal(int, str)  # segment index, new text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.segments: list[dict[str, Any]] = []
        self.playing = -1

    def set_segments(self, segments: list[dict[str, Any]]) -> None:
        if len(segments) >= len(self.segments) and \
                segments[:len(self.segments)] == self.segments:
            first = len(self.segments)
            if first == len(segments):
                return
            self.beginInsertRows(QModelIndex(), first, len(segments) - 1)
            self.segments = list(segments)
            self.endInsertRows()
            return
        self.beginResetModel()
        self.segments = list(segments)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.segments)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr("Time") if section == 0 else self.tr("Text")
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 1 else base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        segment = self.segments[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if index.column() == 0:
                return f"{clock(float(segment['start']))} – {clock(float(segment['end']))}"
            return str(segment.get("text", "")).strip()
        if role == Qt.ItemDataRole.FontRole and index.row() == self.playing:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return float(segment["start"])
        return None

    def setData(self, index: _Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != 1:
            return False
        text = str(value).strip()
        if text == str(self.segments[index.row()].get("text", "")).strip():
            return False
        self.segments[index.row()] = {**self.segments[index.row()], "text": " " + text}
        self.dataChanged.emit(index, index)
        self.edited.emit(index.row(), " " + text)
        return True

    def set_playing(self, row: int) -> None:
        if row == self.playing:
            return
        old, self.playing = self.playing, row
        for changed in (old, row):
            if 0 <= changed < len(self.segments):
                self.dataChanged.emit(self.index(changed, 0), self.index(changed, 1))


class TranscriptDetail(DetailView):
    """Segments, search, and a player that seeks and follows."""

    def __init__(self, task: TaskSpec, parent: QWidget | None = None) -> None:
        super().__init__(task, parent)
        self.source = ""
        self.segments = SegmentsModel(self)
        self.segments.edited.connect(self._edited)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.segments)
        self.proxy.setFilterKeyColumn(1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView(self)
        self.table.setObjectName("segments_view")
        self.table.setModel(self.proxy)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.DoubleClicked |
                                   QTableView.EditTrigger.EditKeyPressed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.clicked.connect(self._seek_to_row)
        self.search = QLineEdit(self)
        self.search.setObjectName("transcript_search")
        self.search.setPlaceholderText(self.tr("Search the transcript"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.play_button = push_button(self.tr("Play"), self)
        self.play_button.setObjectName("play_button")
        self.play_button.clicked.connect(self.toggle_play)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.sliderMoved.connect(lambda ms: self._player_seek(ms))
        self.time_label = QLabel("0:00", self)
        self.now_words = QLabel(self)
        self.now_words.setObjectName("now_playing")
        self.now_words.setWordWrap(True)
        self.now_words.setTextFormat(Qt.TextFormat.RichText)
        bar = QHBoxLayout()
        bar.addWidget(self.play_button)
        bar.addWidget(self.slider, 1)
        bar.addWidget(self.time_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.now_words)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        self.player: Any = None
        self._starts: list[float] = []
        self._duration_ms = 0

    # -- results -------------------------------------------------------------------------
    def show_result(self, source: str, merged: dict[str, Any] | None, error: str | None,
                    *, new_source: bool) -> None:
        if new_source:
            self.source = source
            self._load_media(source)
        segments = list((merged or {}).get("segments", []))
        self.segments.set_segments(segments)
        self._starts = [float(s["start"]) for s in segments]
        if error:
            self.now_words.setText(f"<span style='color:#b3261e'>{html.escape(error)}</span>")
        elif not segments and merged is not None:
            self.now_words.setText(self.tr("No speech was found in this recording."))
        else:
            self.now_words.setText("")
        self.table.resizeRowsToContents()

    def clear_view(self) -> None:
        self.segments.set_segments([])
        self.now_words.clear()
        if self.player is not None:
            self.player.stop()

    def _edited(self, row: int, text: str) -> None:
        self.edit_requested.emit({"edit": {"segment": row, "text": text}})

    # -- playback -------------------------------------------------------------------------
    def _load_media(self, source: str) -> None:
        if self.player is None:
            try:
                from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
            except ImportError:
                self.play_button.setEnabled(False)
                self.play_button.setToolTip(self.tr("Playback is not available here"))
                return
            self.player = QMediaPlayer(self)
            self.audio_output = QAudioOutput(self)
            self.player.setAudioOutput(self.audio_output)
            self.player.positionChanged.connect(self.follow)
            self.player.durationChanged.connect(self._duration)
            self.player.playbackStateChanged.connect(self._state)
        self.player.stop()
        from PySide6.QtCore import QUrl

        self.player.setSource(QUrl.fromLocalFile(source))

    def toggle_play(self) -> None:
        if self.player is None:
            return
        from PySide6.QtMultimedia import QMediaPlayer

        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def _state(self, state: Any) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _duration(self, ms: int) -> None:
        self._duration_ms = ms
        self.slider.setRange(0, ms)

    def _player_seek(self, ms: int) -> None:
        if self.player is not None:
            self.player.setPosition(ms)
        self.follow(ms)

    def _seek_to_row(self, index: QModelIndex) -> None:
        start = self.proxy.data(index, Qt.ItemDataRole.UserRole)
        if start is not None:
            self.seek(float(start))

    def seek(self, seconds: float) -> None:
        """Jump to ``seconds`` (also what clicking a segment does)."""
        self._player_seek(int(seconds * 1000))

    def follow(self, ms: int) -> None:
        """Highlight and scroll to the segment under the play head; bold the current word."""
        seconds = ms / 1000
        if not self.slider.isSliderDown():
            self.slider.setValue(ms)
        total = clock(self._duration_ms / 1000) if self._duration_ms else "?"
        self.time_label.setText(f"{clock(seconds)} / {total}")
        row = bisect.bisect_right(self._starts, seconds) - 1
        if row < 0 or row >= len(self.segments.segments):
            return
        self.segments.set_playing(row)
        source_index = self.segments.index(row, 1)
        view_index = self.proxy.mapFromSource(source_index)
        if view_index.isValid():
            self.table.scrollTo(view_index, QTableView.ScrollHint.EnsureVisible)
        segment = self.segments.segments[row]
        words = segment.get("words") or []
        if words:
            parts = []
            for word in words:
                text = html.escape(str(word["text"]))
                current = float(word["start"]) <= seconds < float(word["end"])
                parts.append(f"<b style='background:#fff3b0'>{text}</b>" if current else text)
            self.now_words.setText("".join(parts))
        else:
            self.now_words.setText(html.escape(str(segment.get("text", "")).strip()))

    @property
    def playing_row(self) -> int:
        return self.segments.playing
