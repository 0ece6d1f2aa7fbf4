"""The errors a user can see.

Each exception's message is the sentence shown to the user: plain words, naming the file
or model concerned, never a traceback. ``exit_code`` is what the CLI returns for it.
"""

from __future__ import annotations

import os
from pathlib import Path

from engine.messages import COULD_NOT_READ

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_MODEL = 4
EXIT_INTERRUPTED = 130


class PipedeckError(Exception):
    """Base class: the message is for people, not programmers."""

    exit_code: int = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(PipedeckError):
    """The request itself is malformed (empty labels, an unknown option value...)."""

    exit_code = EXIT_USAGE


class InputError(PipedeckError):
    """One input could not be read; the other inputs of the job still run."""

    exit_code = EXIT_INPUT

    def __init__(self, source: str | Path, reason: str) -> None:
        self.source = str(source)
        self.reason = reason
        super().__init__(COULD_NOT_READ.format(name=display_name(source), reason=reason))


class ModelUnavailable(PipedeckError):
    """The model cannot be loaded: not found, not cached while offline, gated, broken."""

    exit_code = EXIT_MODEL


class ConsentRequired(ModelUnavailable):
    """Loading needs the user's explicit, per-model consent (pickle weights, remote code).

    ``consent`` names what to ask for; ``revision`` is the commit the consent applies to,
    so a later change to the model's code asks again.
    """

    def __init__(self, message: str, *, consent: str, model: str,
                 revision: str | None = None) -> None:
        super().__init__(message)
        self.consent = consent
        self.model = model
        self.revision = revision


class OutOfMemory(PipedeckError):
    """Loading or running a model ran out of memory; the app stays usable."""

    exit_code = EXIT_MODEL


class Cancelled(PipedeckError):
    """The user asked to stop; finished work has already been saved."""

    exit_code = EXIT_INTERRUPTED

    def __init__(self, message: str = "cancelled") -> None:
        super().__init__(message)


def display_name(source: str | Path) -> str:
    """The short name a person recognises: the file name for paths, the text for URLs."""
    text = str(source)
    if "://" in text:
        return text
    path = Path(text)
    looks_like_file = "\n" not in text and len(text) < 4096 and (
        bool(path.suffix) or os.path.exists(path))  # False, not an error, for any bad name
    if isinstance(source, Path) or looks_like_file:
        return path.name or text
    short = " ".join(text.split())
    return short if len(short) <= 60 else short[:57] + "…"
