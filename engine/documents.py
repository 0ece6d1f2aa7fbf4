"""Documents as pages: scans, photos and PDFs opened lazily, one page image at a time.

An accounts clerk drops whatever the printer, phone or supplier produced: PNG, JPEG,
TIFF (often several pages), BMP, WebP or PDF. Each becomes a :class:`Document` whose pages
are rendered only when asked for, so a 300-page PDF never sits in memory as 300 bitmaps.
A PDF page that carries real text (a "born digital" invoice, or a scan with an OCR layer)
hands back its words and boxes directly: exact where OCR would guess, and much faster.

Images are size-checked from their header before any pixel is decoded, so a file claiming
20000×20000 pixels is refused in milliseconds instead of exhausting memory. Every failure
is an :class:`~engine.errors.InputError` naming the file and the reason in plain words.
"""

from __future__ import annotations

import ctypes
import os
import re
import tempfile
import threading
import warnings
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from engine.errors import InputError
from engine.inputs import open_file
from engine.ocr import Word

if TYPE_CHECKING:
    from PIL import Image

IMAGE_FORMATS = ("PNG", "JPEG", "TIFF", "BMP", "WEBP", "GIF")  # JPEG covers MPO (phone photos)
MULTI_PAGE_FORMATS = ("TIFF",)  # animated GIF/WebP frames and MPO views are not pages
DEFAULT_DPI = 200  # tesseract reads 10-pt print well from 200 dpi; 300 costs 2.25× the time
MAX_SIDE = 5000  # pixels on a page's long side, for renders and (downscaled) photos
_FALLBACK_MAX_PIXELS = 89_478_485  # Pillow's default, should someone have set it to None
_SCAN_AREA = 0.5  # an image covering half a page makes it a scan...
_SCAN_MIN_WORDS = 10  # ...unless its text layer has at least this many words


@dataclass(frozen=True, slots=True)
class Page:
    """One page ready for question answering.

    ``index`` counts from 0. ``words`` holds the PDF text layer's words with 0–1000 boxes,
    or None when the page is only pixels and needs OCR.
    """

    index: int
    image: Image.Image
    words: list[Word] | None = None


class Document(ABC):
    """An open document; use it as a context manager so PDF handles are released."""

    def __init__(self, source: str) -> None:
        self.source = source

    @property
    @abstractmethod
    def page_count(self) -> int: ...

    @abstractmethod
    def page(self, index: int) -> Page:
        """Render (or decode) page ``index`` now; nothing is kept once the caller drops it."""

    def pages(self) -> Iterator[Page]:
        for index in range(self.page_count):
            yield self.page(index)

    def close(self) -> None:
        return None

    def __enter__(self) -> Document:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def open_document(path: str | Path, *, dpi: int = DEFAULT_DPI) -> Document:
    """Open ``path`` as pages, or raise :class:`InputError` saying why it cannot be read."""
    source = str(path)
    file = Path(path)
    if "://" in source[:16]:
        raise InputError(source, "web addresses cannot be read here: download the file and "
                                 "add it from your computer")
    with open_file(file, source) as handle:  # missing, a folder, a pipe, empty: refused
        try:
            head = handle.read(1024)
        except OSError as error:  # a failing disk or network share
            raise InputError(source, f"the file cannot be read ({error.strerror or error})"
                             ) from None
    if not head:
        raise InputError(source, "the file is empty")
    if b"%PDF-" in head:
        return _PdfDocument(source, dpi)
    return _ImageDocument(source)


# ---------------------------------------------------------------- images

def _max_pixels() -> int:
    from PIL import Image

    return int(Image.MAX_IMAGE_PIXELS or _FALLBACK_MAX_PIXELS)


def _too_large(source: str, pixels: int) -> InputError:
    return InputError(source, f"the image is too large to open safely ({pixels / 1e6:,.0f} "
                              f"million pixels; the limit is {_max_pixels() / 1e6:,.0f} million)")


def _open_image(source: str) -> Image.Image:
    """Open lazily (header only) and refuse oversized images before decoding a pixel."""
    from PIL import Image, UnidentifiedImageError

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(source, formats=IMAGE_FORMATS)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            # Only the header has been read. Pillow's message quotes the pixel count.
            quoted = re.search(r"\((\d+) pixels\)", str(error))
            raise _too_large(source, int(quoted.group(1)) if quoted else 0) from None
        except UnidentifiedImageError:
            raise InputError(source, "it is not a PDF or an image "
                                     "(PNG, JPEG, TIFF, BMP or WebP)") from None
        except (OSError, SyntaxError, ValueError) as error:
            raise InputError(source, f"the image is damaged ({error})") from None
    if image.size[0] * image.size[1] > _max_pixels():
        image.close()
        raise _too_large(source, image.size[0] * image.size[1])
    return image


def to_rgb(image: Image.Image) -> Image.Image:
    """RGB for OCR and models; transparency becomes white paper, not black."""
    from PIL import Image

    if image.mode == "RGB":
        return image
    if image.mode == "P" and "transparency" in image.info:
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = image.convert("RGBA")
        paper = Image.new("RGB", rgba.size, "white")
        paper.paste(rgba, mask=rgba.getchannel("A"))
        return paper
    if image.mode in ("I", "I;16", "I;16B", "I;16L", "F"):
        peak = max(1.0, float(image.getextrema()[1] or 1))  # type: ignore[index, arg-type]
        image = image.point(lambda v: v * 255.0 / peak).convert("L")
    return image.convert("RGB")


def _downscaled(image: Image.Image) -> Image.Image:
    from PIL import Image

    long_side = max(image.size)
    if long_side <= MAX_SIDE:
        return image
    factor = MAX_SIDE / long_side
    size = (max(1, round(image.size[0] * factor)), max(1, round(image.size[1] * factor)))
    return image.resize(size, Image.Resampling.LANCZOS)


class _ImageDocument(Document):
    """A picture file; TIFF frames are pages, decoded one at a time on demand."""

    def __init__(self, source: str) -> None:
        super().__init__(source)
        with _open_image(source) as image:
            self.format = str(image.format)
            count = int(getattr(image, "n_frames", 1)) if self.format in MULTI_PAGE_FORMATS else 1
        self._count = max(1, count)

    @property
    def page_count(self) -> int:
        return self._count

    def page(self, index: int) -> Page:
        from PIL import ImageOps

        if not 0 <= index < self._count:
            raise IndexError(index)
        with _open_image(self.source) as image:
            try:
                if index:
                    image.seek(index)
                    if image.size[0] * image.size[1] > _max_pixels():
                        raise _too_large(self.source, image.size[0] * image.size[1])
                image.load()
                upright = ImageOps.exif_transpose(image)  # phone photos carry their rotation
                rgb = to_rgb(upright)
                if rgb is image:
                    rgb = image.copy()  # detach from the file we are about to close
            except InputError:
                raise
            except (OSError, SyntaxError, ValueError, EOFError) as error:
                where = f"page {index + 1} of the image" if self._count > 1 else "the image"
                raise InputError(self.source, f"{where} is damaged or incomplete ({error})"
                                 ) from None
        return Page(index, _downscaled(rgb))


# ---------------------------------------------------------------- PDF

_FILE_ERROR = 2
_PDF_ERRORS = {
    1: "the PDF cannot be read",
    3: "the PDF is damaged or incomplete",
    4: "the PDF is password-protected",
    5: "the PDF uses an unsupported kind of encryption",
    6: "the PDF's pages are damaged",
}


def _load_failure(source: str) -> str:
    """Why pdfium refused ``source``, in words.

    pdfium's last-error code is global and some failures (a document with no pages) leave
    it untouched, so a stale code from an earlier file would be reported. Setting it to a
    known value first (opening a file that does not exist) tells "not set" apart; the
    file was readable a moment ago, so "file error" now means "no error was reported".
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    missing = Path(tempfile.gettempdir()) / f"pipedeck-no-such-file-{os.getpid()}.pdf"
    if pdfium_c.FPDF_LoadDocument(os.fsencode(missing), None):  # never: the file is absent
        return "the PDF cannot be read"
    try:
        pdfium.PdfDocument(source).close()
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
    else:
        return "the PDF could only be opened on a second try; please try again"
    if code in (0, _FILE_ERROR):
        return "the PDF has no pages (or its page list is damaged)"
    return _PDF_ERRORS.get(code or 1, "the PDF cannot be read")


#: pdfium is not thread-safe, even across documents: every call into it holds this lock
#: (the worker reading a PDF and the GUI's page preview may otherwise overlap).
PDFIUM_LOCK = threading.RLock()


class _PdfDocument(Document):
    """A PDF kept open while in use; each page is rendered when asked for."""

    def __init__(self, source: str, dpi: int) -> None:
        with PDFIUM_LOCK:
            self._open(source, dpi)

    def _open(self, source: str, dpi: int) -> None:
        super().__init__(source)
        import pypdfium2 as pdfium

        self.dpi = dpi
        try:
            self._pdf: Any = pdfium.PdfDocument(source)
        except pdfium.PdfiumError:
            raise InputError(source, _load_failure(source)) from None
        try:
            self._count = len(self._pdf)
        except Exception as error:
            self.close()
            raise InputError(source, f"the PDF is damaged ({error})") from None
        if self._count == 0:
            self.close()
            raise InputError(source, "the PDF has no pages")

    @property
    def page_count(self) -> int:
        return self._count

    def close(self) -> None:
        with PDFIUM_LOCK:
            pdf = getattr(self, "_pdf", None)
            if pdf is not None:
                pdf.close()
                self._pdf = None

    def page(self, index: int) -> Page:
        with PDFIUM_LOCK:
            return self._page(index)

    def _page(self, index: int) -> Page:
        import pypdfium2 as pdfium

        if not 0 <= index < self._count:
            raise IndexError(index)
        if self._pdf is None:
            raise ValueError("the document is closed")
        try:
            page = self._pdf[index]
        except pdfium.PdfiumError as error:
            raise InputError(self.source, f"page {index + 1} of the PDF is damaged ({error})"
                             ) from None
        try:
            width, height = page.get_size()
            scale = render_scale(width, height, self.dpi)
            image = page.render(scale=scale).to_pil()
            words = _text_layer(page)
        except pdfium.PdfiumError as error:
            raise InputError(self.source, f"page {index + 1} of the PDF could not be drawn "
                                          f"({error})") from None
        finally:
            page.close()
        return Page(index, to_rgb(image), words)


def render_scale(width_pt: float, height_pt: float, dpi: int = DEFAULT_DPI) -> float:
    """Points → pixels at ``dpi``, shrunk so neither the long side nor the area runs away."""
    scale = dpi / 72.0
    long_side = max(width_pt, height_pt, 1.0)
    scale = min(scale, MAX_SIDE / long_side)
    area = max(width_pt * height_pt, 1.0) * scale * scale
    if area > MAX_SIDE * MAX_SIDE * 0.75:
        scale *= (MAX_SIDE * MAX_SIDE * 0.75 / area) ** 0.5
    return scale


def _text_layer(page: Any) -> list[Word] | None:
    """The words of a PDF page's own text, with 0–1000 boxes as the page is displayed.

    None when the page has no usable text, or when it is a scan (a page-sized picture)
    whose few text-layer words would hide everything printed in the picture.
    """
    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count <= 0:
            return None
        words: list[Word] = []
        text: list[str] = []
        box: list[float] = []
        for i in range(count):
            code = pdfium_c.FPDFText_GetUnicode(textpage.raw, i)
            char = chr(code) if 0 < code < 0x110000 else " "
            if char.isspace() or code < 32 or code in (0xFFFE, 0xFFFF):
                _flush(page, text, box, words)
                continue
            left, bottom, right, top = textpage.get_charbox(i)
            if text and _gap(box, left, bottom, top):
                _flush(page, text, box, words)
            text.append(char)
            if len(text) == 1:
                box[:] = [left, bottom, right, top]
            else:
                box[:] = [min(box[0], left), min(box[1], bottom), max(box[2], right),
                          max(box[3], top)]
        _flush(page, text, box, words)
    finally:
        textpage.close()
    if not words or (len(words) < _SCAN_MIN_WORDS and _is_scan(page)):
        return None
    return words


def _gap(box: list[float], left: float, bottom: float, top: float) -> bool:
    """A new word starts where the next character jumps lines or far to the right."""
    height = max(box[3] - box[1], top - bottom, 1.0)
    return left - box[2] > 0.8 * height or bottom > box[3] or top < box[1]


def _flush(page: Any, text: list[str], box: list[float], words: list[Word]) -> None:
    if text:
        words.append(Word("".join(text), _device_box(page, box)))
        text.clear()


def _device_box(page: Any, box: list[float]) -> tuple[int, int, int, int]:
    """PDF points (origin bottom-left, before /Rotate) → 0–1000 of the displayed page."""
    import pypdfium2.raw as pdfium_c

    xs: list[int] = []
    ys: list[int] = []
    for x, y in ((box[0], box[1]), (box[2], box[3])):
        dx, dy = ctypes.c_int(), ctypes.c_int()
        pdfium_c.FPDF_PageToDevice(page.raw, 0, 0, 1000, 1000, 0, x, y,
                                   ctypes.byref(dx), ctypes.byref(dy))
        xs.append(max(0, min(1000, dx.value)))
        ys.append(max(0, min(1000, dy.value)))
    return (min(xs), min(ys), max(xs), max(ys))


def _is_scan(page: Any) -> bool:
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    page_area = max(width * height, 1.0)
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        if (right - left) * (top - bottom) >= _SCAN_AREA * page_area:
            return True
    return False
