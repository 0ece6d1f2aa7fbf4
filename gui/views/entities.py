"""Named entities: the text with each name highlighted in its type's colour, and a list
of the names grouped by type (people, organisations, places...).

The text is shown as HTML built here, so every piece of it is escaped: a text holding
``<b>`` or ``&amp;`` is shown as typed, never interpreted.
"""

from __future__ import annotations

import html
import zlib
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QSplitter, QTextBrowser, QTreeView, QVBoxLayout, QWidget

from engine.tasks import TaskSpec
from gui.views.detail import DetailView

#: Light backgrounds (dark text stays readable on them in light and dark themes alike).
KNOWN_COLOURS = {"PER": "#ffd6a5", "ORG": "#bde0fe", "LOC": "#caffbf", "MISC": "#e4c1f9"}
OTHER_COLOURS = ("#fdffb6", "#ffc6ff", "#9bf6ff", "#ffadad", "#d0f4de", "#fcd5ce", "#dee2ff")


def entity_type(group: str) -> str:
    """"B-PER" and "I-PER" (per-piece output) are the same type as "PER"."""
    return group[2:] if group[:2] in ("B-", "I-") else group


def colour_for(group: str) -> str:
    kind = entity_type(group)
    if kind in KNOWN_COLOURS:
        return KNOWN_COLOURS[kind]
    return OTHER_COLOURS[zlib.crc32(kind.encode("utf-8")) % len(OTHER_COLOURS)]


def highlighted_html(text: str, entities: list[dict[str, Any]]) -> str:
    """``text`` as escaped HTML with each located entity in a coloured span."""
    parts: list[str] = []
    position = 0
    located = sorted((e for e in entities if isinstance(e.get("start"), int)
                      and isinstance(e.get("end"), int)), key=lambda e: e["start"])
    for entity in located:
        start, end = max(0, entity["start"]), min(len(text), entity["end"])
        if start < position or end <= start:
            continue  # overlapping or empty: listed below, not highlighted twice
        group = str(entity.get("entity_group", ""))
        parts.append(html.escape(text[position:start]))
        parts.append(
            f"<span style='background-color:{colour_for(group)}; color:#1b1b1b'>"
            f"{html.escape(text[start:end])}"
            f"<span style='font-size:small; color:#555555'>&nbsp;{html.escape(entity_type(group))}"
            "</span></span>")
        position = end
    parts.append(html.escape(text[position:]))
    body = "".join(parts).replace("\n", "<br>")
    return f"<div style='line-height:150%; white-space:pre-wrap'>{body}</div>"


def as_written(text: str, entity: dict[str, Any]) -> str:
    """The name as it appears in the text (an uncased model's ``word`` is lower-case)."""
    start, end = entity.get("start"), entity.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        return text[start:end]
    return str(entity.get("word", ""))


class EntitiesDetail(DetailView):
    """The highlighted text on top, the names grouped by type below."""

    def __init__(self, task: TaskSpec, parent: QWidget | None = None) -> None:
        super().__init__(task, parent)
        self.text = QTextBrowser(self)
        self.text.setObjectName("entities_text")
        self.text.setOpenLinks(False)
        self.summary = QLabel(self)
        self.summary.setObjectName("entities_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.entities_model = QStandardItemModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("entities_tree")
        self.tree.setModel(self.entities_model)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self._set_headers()
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.text)
        splitter.addWidget(self.tree)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

    def _set_headers(self) -> None:
        self.entities_model.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Score"), self.tr("Position")])

    def type_name(self, group: str) -> str:
        names = {"PER": self.tr("People"), "ORG": self.tr("Organisations"),
                 "LOC": self.tr("Places"), "MISC": self.tr("Other names")}
        kind = entity_type(group)
        return names.get(kind, kind)

    def show_result(self, source: str, merged: dict[str, Any] | None, error: str | None,
                    *, new_source: bool) -> None:
        self.entities_model.clear()
        self._set_headers()
        if error or not merged:
            self.summary.clear()
            self.text.setHtml(f"<p style='color:#b3261e'>{html.escape(error)}</p>" if error
                              else "")
            return
        entities = [e for e in merged.get("entities", []) if isinstance(e, dict)]
        text = str(merged.get("text", source))
        self.text.setHtml(highlighted_html(text, entities))
        groups: dict[str, list[dict[str, Any]]] = {}
        for entity in entities:
            groups.setdefault(entity_type(str(entity.get("entity_group", ""))), []).append(entity)
        for kind in sorted(groups, key=lambda k: (-len(groups[k]), k)):
            members = groups[kind]
            head = QStandardItem(f"{self.type_name(kind)} ({len(members)})")
            head.setData(QColor(colour_for(kind)), Qt.ItemDataRole.DecorationRole)
            head.setToolTip(kind)
            for entity in members:
                start, end = entity.get("start"), entity.get("end")
                where = f"{start}–{end}" if isinstance(start, int) else ""
                head.appendRow([QStandardItem(as_written(text, entity)),
                                QStandardItem(f"{float(entity.get('score') or 0):.0%}"),
                                QStandardItem(where)])
            self.entities_model.appendRow([head, QStandardItem(), QStandardItem()])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        if entities:
            counts = ", ".join(f"{self.type_name(k)}: {len(v)}" for k, v in
                               sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])))
            self.summary.setText(counts)
        else:
            self.summary.setText(self.tr("No names found in this text."))

    def clear_view(self) -> None:
        self.text.clear()
        self.summary.clear()
        self.entities_model.clear()
        self._set_headers()
