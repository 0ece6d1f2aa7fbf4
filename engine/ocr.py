"""Words and their positions on a page image, read by Tesseract OCR.

Document-QA models of the LayoutLM family read words plus boxes, not pixels; this module
turns a page image into those words once, so a job can ask many questions of a page
without running OCR again. Boxes are normalised to 0–1000 of the page's width and height,
the coordinate system LayoutLM was trained on (and the one the pipeline's own OCR uses).

Tesseract is an external program: a bundled copy beside a frozen app wins over the one on
PATH, and its absence or a missing language is reported with how to install it.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.errors import EXIT_MODEL, PipedeckError

if TYPE_CHECKING:
    from PIL import Image

_INSTALL_HINT = (
    "On Debian/Ubuntu: sudo apt install tesseract-ocr; on macOS: brew install tesseract; "
    "on Windows: install it from https://github.com/UB-Mannheim/tesseract/wiki "
    "and restart Pipedeck."
)

# Where the Windows installer puts tesseract.exe without adding it to PATH.
_WINDOWS_DEFAULTS = (
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "Tesseract-OCR" / "tesseract.exe",
    Path(os.environ.get("LOCALAPPDATA", r"C:\Users\Default\AppData\Local"))
    / "Programs" / "Tesseract-OCR" / "tesseract.exe",
)

LANGUAGE_NAMES: dict[str, str] = {
    "afr": "Afrikaans", "ara": "Arabic", "bul": "Bulgarian", "cat": "Catalan", "ces": "Czech",
    "chi_sim": "Chinese (Simplified)", "chi_tra": "Chinese (Traditional)", "dan": "Danish",
    "deu": "German", "ell": "Greek", "eng": "English", "est": "Estonian", "eus": "Basque",
    "fas": "Persian", "fin": "Finnish", "fra": "French", "glg": "Galician", "heb": "Hebrew",
    "hin": "Hindi", "hrv": "Croatian", "hun": "Hungarian", "ind": "Indonesian",
    "isl": "Icelandic", "ita": "Italian", "jpn": "Japanese", "kor": "Korean",
    "lav": "Latvian", "lit": "Lithuanian", "msa": "Malay", "nld": "Dutch", "nor": "Norwegian",
    "pol": "Polish", "por": "Portuguese", "ron": "Romanian", "rus": "Russian",
    "slk": "Slovak", "slv": "Slovenian", "spa": "Spanish", "srp": "Serbian", "swe": "Swedish",
    "tha": "Thai", "tur": "Turkish", "ukr": "Ukrainian", "vie": "Vietnamese",
}
_NOT_LANGUAGES = {"osd", "equ", "snum"}  # orientation/maths data, not scripts to read


class OcrUnavailable(PipedeckError):
    """Tesseract is not installed (or cannot run): documents without a text layer cannot be read."""

    exit_code = EXIT_MODEL  # like a missing model: nothing in the job can run without it

    def __init__(self, detail: str = "") -> None:
        message = f"Tesseract OCR is not installed. {_INSTALL_HINT}"
        if detail:
            message = f"Tesseract OCR could not run ({detail}). {_INSTALL_HINT}"
        super().__init__(message)


class OcrLanguageMissing(PipedeckError):
    """The OCR language asked for has no Tesseract data installed."""

    exit_code = EXIT_MODEL

    def __init__(self, code: str, installed: list[str]) -> None:
        self.code = code
        name = LANGUAGE_NAMES.get(code, code)
        package = code.replace("_", "-").lower()
        have = ", ".join(installed) or "none"
        super().__init__(
            f"The OCR language {name} ('{code}') is not installed (installed: {have}). "
            f"On Debian/Ubuntu: sudo apt install tesseract-ocr-{package}; on macOS: "
            "brew install tesseract-lang; on Windows: run the Tesseract installer again and "
            "tick it under 'Additional language data'."
        )


@dataclass(frozen=True, slots=True)
class Word:
    """One word on a page; ``box`` is (x0, y0, x1, y1) in 0–1000 of the page's size."""

    text: str
    box: tuple[int, int, int, int]


def bundled_tesseract() -> Path | None:
    """The tesseract shipped beside a frozen (PyInstaller-style) app, if there is one."""
    if not getattr(sys, "frozen", False):
        return None
    folder = Path(sys.executable).parent / "tesseract"
    for name in ("tesseract.exe", "tesseract"):
        if (folder / name).is_file():
            return folder / name
    return None


def tesseract_command() -> Path | None:
    """The tesseract to run: bundled first, then PATH, then the Windows install folders."""
    bundled = bundled_tesseract()
    if bundled is not None:
        return bundled
    found = shutil.which("tesseract")
    if found:
        return Path(found)
    if sys.platform == "win32":
        for candidate in _WINDOWS_DEFAULTS:
            if candidate.is_file():
                return candidate
    return None


def _tessdata_config() -> str:
    """``--tessdata-dir`` for a bundled tesseract: its data is not where it was built to look."""
    bundled = bundled_tesseract()
    if bundled is not None and (bundled.parent / "tessdata").is_dir():
        return f'--tessdata-dir "{bundled.parent / "tessdata"}"'
    return ""


def _pytesseract() -> Any:
    """pytesseract, pointed at the tesseract found by :func:`tesseract_command`."""
    command = tesseract_command()
    if command is None:
        raise OcrUnavailable()
    import pytesseract

    pytesseract.pytesseract.tesseract_cmd = str(command)
    return pytesseract


def tesseract_available() -> bool:
    """True when a tesseract program exists and answers ``--version``."""
    try:
        _pytesseract().get_tesseract_version()
    except (OcrUnavailable, OSError, RuntimeError):
        return False
    except Exception as error:  # pytesseract's own errors do not share a useful base class
        if type(error).__name__ in ("TesseractNotFoundError", "TesseractError"):
            return False
        raise
    return True


def installed_language_codes() -> list[str]:
    """Tesseract's language codes, e.g. ``["eng", "deu"]``, without the non-language data."""
    pytesseract = _pytesseract()
    try:
        codes = pytesseract.get_languages(config=_tessdata_config())
    except Exception as error:
        if type(error).__name__ == "TesseractNotFoundError":
            raise OcrUnavailable() from error
        raise OcrUnavailable(str(error).strip() or type(error).__name__) from error
    return sorted(str(code) for code in codes if code not in _NOT_LANGUAGES)


def installed_languages() -> list[tuple[str, str]]:
    """(code, English name) of each installed OCR language, for a language picker."""
    return [(code, LANGUAGE_NAMES.get(code, code)) for code in installed_language_codes()]


def check_language(lang: str) -> None:
    """Raise :class:`OcrLanguageMissing` unless every part of ``lang`` ("eng+deu") is installed."""
    installed = installed_language_codes()
    for code in lang.split("+"):
        if code not in installed:
            raise OcrLanguageMissing(code, installed)


def normalize_box(left: int, top: int, width: int, height: int,
                  page_width: int, page_height: int) -> tuple[int, int, int, int]:
    """Pixels → 0–1000, the same rounding as the pipeline's own OCR, clamped to the page."""
    def scale(value: int, size: int) -> int:
        return max(0, min(1000, int(1000 * (value / size))))
    return (scale(left, page_width), scale(top, page_height),
            scale(left + width, page_width), scale(top + height, page_height))


@contextmanager
def _page_file(image: Image.Image) -> Iterator[str]:
    """``image`` in a temporary uncompressed TIFF, the file tesseract reads.

    Given the picture itself, pytesseract writes it as a PNG, as the document-QA pipeline's
    own OCR does: ~50 ms to compress an A4 page at 150 dpi, 5 ms as a TIFF, and tesseract
    reads the TIFF faster too: 5 % of a whole OCR pass, measured. The pixels are the same
    (transparency goes on white paper, as pytesseract does), and so are the words.
    """
    if "A" in image.getbands():
        from engine.documents import to_rgb  # it imports this module

        image = to_rgb(image)
    handle, name = tempfile.mkstemp(prefix="pipedeck-ocr-", suffix=".tif")
    try:
        with os.fdopen(handle, "wb") as file:
            image.save(file, format="TIFF")
        yield name
    finally:
        Path(name).unlink(missing_ok=True)


def ocr_words(image: Image.Image, lang: str = "eng", *, config: str = "") -> list[Word]:
    """Every word Tesseract finds on ``image`` with its normalised box; a blank page gives [].

    ``config`` is passed to tesseract as is (e.g. ``--psm 6``). The defaults match what the
    document-QA pipeline would run itself, so answers equal the pipeline's own.
    """
    pytesseract = _pytesseract()
    options = " ".join(part for part in (_tessdata_config(), config) if part)
    try:
        with _page_file(image) as page:
            data = pytesseract.image_to_data(page, lang=lang, output_type="dict",
                                             config=options)
    except Exception as error:
        name = type(error).__name__
        if name == "TesseractNotFoundError":
            raise OcrUnavailable() from error
        text = str(error)
        if name == "TesseractError" and ("Failed loading language" in text
                                         or "Error opening data file" in text):
            installed = installed_language_codes()
            missing = next((c for c in lang.split("+") if c not in installed), lang)
            raise OcrLanguageMissing(missing, installed) from error
        raise
    width, height = image.size
    words: list[Word] = []
    for text, left, top, w, h in zip(data["text"], data["left"], data["top"],
                                      data["width"], data["height"]):
        if str(text).strip():
            words.append(Word(str(text), normalize_box(int(left), int(top), int(w), int(h),
                                                       width, height)))
    return words
