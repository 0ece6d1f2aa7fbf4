"""A form built from a task's :class:`~engine.params.Param` list.

Common parameters sit in the form; ``advanced`` ones go in a collapsible group, so the
defaults work for people who never open it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.params import Param

#: Widgets for particular parameters, by name (a question list with presets, say): a
#: factory, or where it lives as "module:function", imported when a form first needs it.
CUSTOM_WIDGETS: dict[str, Callable[[Param, QWidget], QWidget] | str] = {
    "questions": "gui.question_editor:make_question_editor",
}


def tr_engine(text: str) -> str:
    """Translate a string that comes from the engine's registry."""
    return QCoreApplication.translate("engine", text)


class ParamForm(QWidget):
    def __init__(self, params: tuple[Param, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._params = params
        self._widgets: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        basic = QFormLayout()
        layout.addLayout(basic)
        self.advanced_toggle = QToolButton(self)
        self.advanced_toggle.setObjectName("advanced_toggle")
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setAutoRaise(True)
        self.advanced_panel = QWidget(self)
        advanced = QFormLayout(self.advanced_panel)
        advanced.setContentsMargins(16, 0, 0, 0)
        for param in params:
            widget = self._make(param)
            widget.setObjectName(f"param_{param.name}")
            if param.help:
                widget.setToolTip(tr_engine(param.help))
            self._widgets[param.name] = widget
            target = advanced if param.advanced else basic
            if param.kind == "bool":
                target.addRow("", widget)
            else:
                target.addRow(self.tr("{0}:").replace("{0}", tr_engine(param.label)), widget)
        self.advanced_toggle.toggled.connect(self._show_advanced)
        layout.addWidget(self.advanced_toggle)
        layout.addWidget(self.advanced_panel)
        self._show_advanced(False)
        if not any(p.advanced for p in params):
            self.advanced_toggle.hide()

    def _show_advanced(self, shown: bool) -> None:
        # The arrow is a character, not Qt's arrow type: no Qt.* on the first frame
        # (gui/__init__).
        self.advanced_panel.setVisible(shown)
        self.advanced_toggle.setText(("▾ " if shown else "▸ ") + self.tr("Advanced"))

    def _make(self, param: Param) -> QWidget:
        factory = CUSTOM_WIDGETS.get(param.name)
        if isinstance(factory, str):
            import pkgutil

            factory = CUSTOM_WIDGETS[param.name] = pkgutil.resolve_name(factory)
        if factory is not None:
            return factory(param, self)
        if param.kind == "lines":
            from PySide6.QtWidgets import QPlainTextEdit  # few forms have one

            lines = QPlainTextEdit(self)
            lines.setPlaceholderText(tr_engine(param.placeholder))
            lines.setMaximumHeight(110)
            return lines
        if param.kind == "int":
            spin = QSpinBox(self)
            spin.setRange(int(param.minimum if param.minimum is not None else 0),
                          int(param.maximum if param.maximum is not None else 1_000_000))
            if param.default is None:
                spin.setSpecialValueText(self.tr("Automatic"))
                spin.setMinimum(spin.minimum() - 1)
                spin.setValue(spin.minimum())
            else:
                spin.setValue(int(param.default))
            return spin
        if param.kind == "float":
            dspin = QDoubleSpinBox(self)
            dspin.setDecimals(2)
            dspin.setSingleStep(0.05)
            dspin.setRange(param.minimum or 0.0, param.maximum or 1000.0)
            dspin.setValue(float(param.default or 0.0))
            return dspin
        if param.kind == "bool":
            box = QCheckBox(tr_engine(param.label), self)
            box.setChecked(bool(param.default))
            return box
        if param.kind == "choice":
            combo = QComboBox(self)
            for key, label in param.choices:
                combo.addItem(tr_engine(label), key)
            index = combo.findData(param.default)
            combo.setCurrentIndex(max(0, index))
            return combo
        edit = QLineEdit(self)
        if param.kind == "text" and param.default:
            edit.setText(str(param.default))
        if param.placeholder:
            edit.setPlaceholderText(tr_engine(param.placeholder))
        return edit

    def widget(self, name: str) -> QWidget:
        return self._widgets[name]

    def set_choices(self, name: str, choices: list[tuple[str, str]], default: str) -> None:
        combo = self._widgets.get(name)
        if isinstance(combo, QComboBox):
            current = combo.currentData() or default
            combo.clear()
            for key, label in choices:
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(current)))

    def values(self) -> dict[str, Any]:
        """Raw values; the engine checks and converts them (one place for the rules)."""
        from PySide6.QtWidgets import QPlainTextEdit

        values: dict[str, Any] = {}
        for param in self._params:
            widget = self._widgets[param.name]
            if isinstance(widget, QSpinBox):
                special = widget.specialValueText() and widget.value() == widget.minimum()
                values[param.name] = None if special else widget.value()
            elif isinstance(widget, QDoubleSpinBox):
                values[param.name] = widget.value()
            elif isinstance(widget, QCheckBox):
                values[param.name] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                values[param.name] = widget.currentData()
            elif isinstance(widget, QLineEdit):
                values[param.name] = widget.text()
            elif isinstance(widget, QPlainTextEdit):
                values[param.name] = widget.toPlainText()
            elif hasattr(widget, "value"):
                values[param.name] = widget.value()
        return values
