"""Typed descriptions of a task's parameters.

The GUI builds its parameter forms from these and the CLI builds its options from them,
so a parameter is declared once, with its type, default, range and help text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Literal, NamedTuple

from engine.errors import UsageError

ParamKind = Literal["int", "float", "bool", "choice", "text", "labels", "lines"]


class Param(NamedTuple):
    """One parameter: ``labels`` is a comma-separated list the user types, ``lines`` a list
    with one entry per line (questions may contain commas).

    A named tuple, not a frozen dataclass: the registry is read on the window's first
    frame, and making a 12-field dataclass (its generated methods compiled at import)
    costs ~2 ms there; a named tuple is as immutable for a tenth of that.
    """

    name: str
    label: str
    kind: ParamKind
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[tuple[str, str], ...] = ()
    help: str = ""
    advanced: bool = False
    placeholder: str = ""
    required: bool = False
    open_choices: bool = False
    """``choices`` are only a starting list (installed languages are added at run time);
    any value is accepted here and the task's runner checks it."""

    @property
    def cli_flag(self) -> str:
        return "--" + self.name.replace("_", "-")

    def coerce(self, value: Any) -> Any:
        """Turn a raw value (from a form or the command line) into the declared type.

        Raises :class:`UsageError` with a sentence naming the parameter when it does not fit.
        """
        empty = value is None or (isinstance(value, str) and not value.strip())
        if empty and self.kind in ("labels", "lines") and self.required:
            raise UsageError(f"{self.label}: enter at least one.")
        if empty and self.kind == "text" and self.required:
            raise UsageError(f"{self.label} is required.")
        if empty and (self.kind != "text" or value is None or self.default):
            if self.required:
                raise UsageError(f"{self.label} is required.")
            return self.default
        try:
            if self.kind == "int":
                result: Any = int(value)
            elif self.kind == "float":
                result = float(value)
            elif self.kind == "bool":
                result = value if isinstance(value, bool) else str(value).lower() in {
                    "1", "true", "yes", "on"}
            elif self.kind in ("labels", "lines"):
                # labels: Chinese and Japanese users type "，" or "、" between them
                pattern = r"[,，、]" if self.kind == "labels" else r"\n"
                items = value if isinstance(value, list | tuple) else re.split(pattern, str(value))
                result = [str(item).strip() for item in items if str(item).strip()]
                if self.required and not result:
                    raise UsageError(f"{self.label}: enter at least one.")
                return result
            elif self.kind == "choice":
                result = str(value)
                if self.choices and not self.open_choices and \
                        result not in {key for key, _ in self.choices}:
                    allowed = ", ".join(key for key, _ in self.choices)
                    raise UsageError(f"{self.label} must be one of: {allowed}.")
                return result
            else:
                result = str(value)
        except (TypeError, ValueError) as exc:
            raise UsageError(f"{self.label}: '{value}' is not a valid {self.kind}.") from exc
        if self.kind in ("int", "float"):
            if self.minimum is not None and result < self.minimum:
                raise UsageError(f"{self.label} must be at least {self.minimum:g}.")
            if self.maximum is not None and result > self.maximum:
                raise UsageError(f"{self.label} must be at most {self.maximum:g}.")
        return result


def resolve_params(params: tuple[Param, ...], raw: Mapping[str, Any]) -> dict[str, Any]:
    """Defaults filled in, types checked; unknown keys pass through untouched."""
    resolved = dict(raw)
    for param in params:
        resolved[param.name] = param.coerce(raw.get(param.name))
    return resolved
