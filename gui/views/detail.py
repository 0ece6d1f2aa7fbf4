"""Detail views: how one input's result is shown, one class per result kind.

:class:`~gui.views.results.ResultsPanel` asks :func:`make_detail_view` for the view that
fits its task, so a new kind of result is one class registered here, not a new tab.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from engine.tasks import TaskSpec

if TYPE_CHECKING:
    from engine.jobs import ItemResult

MAX_PREVIEW_PIXELS = 60_000_000


class DetailView(QWidget):
    """Shows one input's merged result; may also take partial results as they stream.

    ``edit_requested`` carries a payload describing a user's change to the result (a
    corrected transcript segment, say); the window saves it to the job store.
    """

    edit_requested = Signal(object)

    def __init__(self, task: TaskSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = task

    def show_result(self, source: str, merged: dict[str, Any] | None, error: str | None,
                    *, new_source: bool) -> None:
        raise NotImplementedError

    def append(self, result: ItemResult) -> bool:
        """Take a streamed partial result directly; False means "redraw from merged"."""
        return False

    def clear_view(self) -> None:
        return None


def load_preview(label: QLabel, source: str, box: QSize) -> bool:
    """Read an image scaled to ``box``; giant or unreadable images get no preview."""
    from PySide6.QtGui import QImageReader, QPixmap  # not on the first frame's path

    reader = QImageReader(source)
    size = reader.size()
    if not Path(source).is_file() or not size.isValid() or \
            size.width() * size.height() > MAX_PREVIEW_PIXELS:
        label.setText(QCoreApplication.translate("DetailView", "No preview"))
        return False
    reader.setScaledSize(size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        label.setText(QCoreApplication.translate("DetailView", "No preview"))
        return False
    label.setPixmap(QPixmap.fromImage(image))
    return True


class LabelsDetail(DetailView):
    """The image (for image tasks) or the text above ranked labels with score bars."""

    def __init__(self, task: TaskSpec, parent: QWidget | None = None) -> None:
        super().__init__(task, parent)
        self.preview = QLabel(self)
        self.preview.setObjectName("preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(160)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setObjectName("result_heading")
        from gui.views.labels import LabelsView  # its painting classes cost at start-up

        self.labels = LabelsView(self)
        self.labels.setObjectName("labels_view")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if task.input_kind == "image":
            layout.addWidget(self.preview, 1)
        else:
            self.preview.hide()
        layout.addWidget(self.heading)
        layout.addWidget(self.labels, 1)

    def show_result(self, source: str, merged: dict[str, Any] | None, error: str | None,
                    *, new_source: bool) -> None:
        if self.task.input_kind == "image" and new_source:
            box = QSize(max(64, self.preview.width()), max(64, self.preview.height()))
            load_preview(self.preview, source, box)
        self.heading.setText(error or (source if self.task.input_kind == "text" else ""))
        self.labels.labels_model.set_labels((merged or {}).get("labels", []))

    def clear_view(self) -> None:
        self.preview.clear()
        self.heading.clear()
        self.labels.labels_model.set_labels([])


class TextDetail(DetailView):
    """Plain text that grows as it streams (generation) or a readable summary."""

    def __init__(self, task: TaskSpec, parent: QWidget | None = None) -> None:
        super().__init__(task, parent)
        from PySide6.QtWidgets import QPlainTextEdit  # made when a text result first shows

        self.text = QPlainTextEdit(self)
        self.text.setObjectName("result_text")
        self.text.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)

    def append(self, result: ItemResult) -> bool:
        if result.payload and "delta" in result.payload:
            cursor = self.text.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            cursor.insertText(str(result.payload["delta"]))
            return True
        return False

    def show_result(self, source: str, merged: dict[str, Any] | None, error: str | None,
                    *, new_source: bool) -> None:
        text = error or format_result(merged)
        if self.text.toPlainText() != text:
            self.text.setPlainText(text)

    def clear_view(self) -> None:
        self.text.clear()


def format_result(merged: dict[str, Any] | None) -> str:
    """A readable text form of any result, for kinds without a view of their own."""
    if merged is None:
        return ""
    if "segments" in merged:
        return "\n".join(str(s.get("text", "")).strip() for s in merged["segments"])
    if isinstance(merged.get("text"), str) and "labels" not in merged:
        return str(merged["text"])
    if "answers" in merged:
        lines = []
        for answer in merged["answers"]:
            lines.append(f"{answer.get('question')}\n    {answer.get('answer') or '—'}"
                         f"   ({float(answer.get('score') or 0):.0%}, page "
                         f"{int(answer.get('page') or 0) + 1})")
        lines.extend(str(w) for w in merged.get("warnings", []))
        return "\n".join(lines)
    if "text" in merged and len(merged) <= 2:
        return str(merged["text"])
    import json  # results come after the first frame; so may this module

    return json.dumps(merged, ensure_ascii=False, indent=2)


ViewFactory = Callable[[TaskSpec, QWidget], DetailView]
_FACTORIES: dict[str, ViewFactory] = {"labels": LabelsDetail, "text": TextDetail,
                                      "json": TextDetail}
#: Views in modules of their own, imported when a tab of that kind is built.
_LAZY: dict[str, str] = {"transcript": "gui.views.transcript:TranscriptDetail",
                         "answers": "gui.views.answers:AnswersDetail",
                         "entities": "gui.views.entities:EntitiesDetail",
                         "image": "gui.views.image_result:ImageResultDetail",
                         "audio": "gui.views.audio_result:AudioResultDetail",
                         "vector": "gui.views.vector:VectorDetail"}


def register_view(kind: str, factory: ViewFactory) -> None:
    _FACTORIES[kind] = factory


def make_detail_view(task: TaskSpec, parent: QWidget) -> DetailView:
    factory = _FACTORIES.get(task.result_kind)
    if factory is None and task.result_kind in _LAZY:
        import pkgutil

        try:
            factory = pkgutil.resolve_name(_LAZY[task.result_kind])
        except (ImportError, AttributeError):
            factory = None
    return (factory or TextDetail)(task, parent)
