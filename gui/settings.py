"""Typed settings keys; QSettings is the only persistence, and it lives here."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings


class Settings:
    """Last device, last model per task, window geometry, language, offline switch."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._s = qsettings or QSettings("Pipedeck", "Pipedeck")

    def _get(self, key: str, default: Any, kind: type) -> Any:
        value = self._s.value(key, default)
        if value is None:
            return default
        if kind is bool and isinstance(value, str):
            return value.lower() in ("1", "true", "yes")
        try:
            return kind(value)
        except (TypeError, ValueError):
            return default

    @property
    def device(self) -> str:
        return str(self._get("engine/device", "cpu", str))

    @device.setter
    def device(self, value: str) -> None:
        self._s.setValue("engine/device", value)

    @property
    def dtype(self) -> str:
        return str(self._get("engine/dtype", "auto", str))

    @dtype.setter
    def dtype(self, value: str) -> None:
        self._s.setValue("engine/dtype", value)

    def model_for(self, task_id: str, default: str) -> str:
        return str(self._get(f"models/{task_id}", default, str)) or default

    def set_model_for(self, task_id: str, model: str) -> None:
        self._s.setValue(f"models/{task_id}", model)

    def _bytes(self, key: str) -> QByteArray | None:
        """A saved Qt state (geometry, splitter), or None if absent or not one."""
        value = self._s.value(key)
        return value if isinstance(value, QByteArray) else None

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    @property
    def panes(self) -> QByteArray | None:
        """The split between a task's page and the History (QSplitter.saveState)."""
        return self._bytes("window/panes")

    @panes.setter
    def panes(self, value: QByteArray) -> None:
        self._s.setValue("window/panes", value)

    @property
    def history_shown(self) -> bool:
        return bool(self._get("window/history", True, bool))

    @history_shown.setter
    def history_shown(self, value: bool) -> None:
        self._s.setValue("window/history", value)

    @property
    def last_tab(self) -> str:
        return str(self._get("window/tab", "", str))

    @last_tab.setter
    def last_tab(self, value: str) -> None:
        self._s.setValue("window/tab", value)

    @property
    def language(self) -> str:
        """"" follows the system locale; otherwise a locale name such as zh_CN."""
        return str(self._get("ui/language", "", str))

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value)

    def consent(self, kind: str, model: str) -> str | None:
        """The revision ("" for local folders) the user allowed ``kind`` for, if any."""
        value = self._s.value(f"consent/{kind}/{model.replace('/', '|')}")
        return None if value is None else str(value)

    def set_consent(self, kind: str, model: str, revision: str | None) -> None:
        self._s.setValue(f"consent/{kind}/{model.replace('/', '|')}", revision or "")

    def sync(self) -> None:
        self._s.sync()
