"""Reading what people drop on the app: folders, images, text files and URLs.

Every failure is an :class:`~engine.errors.InputError` naming the input and saying what
is wrong in plain words, so one bad file never stops the others.
"""

from __future__ import annotations

import csv
import errno
import io
import os
import stat
import tempfile
import urllib.parse
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from engine.errors import InputError, UsageError
from engine.messages import FOLDER, NOT_REGULAR

if TYPE_CHECKING:
    from PIL import Image

MAX_URL_BYTES = 200 * 2**20
URL_TIMEOUT_S = 20.0
MAX_TEXT_BYTES = 50 * 2**20
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_BINARY", 0))
"""How :func:`open_file` opens: never hanging on a pipe, never taking a terminal."""
NO_SUCH_FILE = (errno.ENOENT, errno.ENOTDIR, errno.ELOOP, errno.ENAMETOOLONG)
"""Why a path names no file: missing, under a file, a link loop, a name too long."""


def is_url(value: str) -> bool:
    return "://" in value[:16]


def expand_inputs(values: Iterable[str], extensions: Sequence[str] = ()) -> list[str]:
    """Files stay, folders become their matching files (sorted, recursive), URLs pass.

    A folder with no matching file stays as itself, so the job reports it ("it is a
    folder, not a file") instead of the folder silently adding nothing.
    """
    items: list[str] = []
    for value in values:
        if is_url(value):
            items.append(value)
            continue
        path = Path(value).expanduser()
        if os.path.isdir(path):  # False, not an error, for a name too long for the system
            found = sorted(
                str(child) for child in path.rglob("*")
                if child.is_file() and not child.name.startswith(".")
                and (not extensions or child.suffix.lower() in extensions))
            items.extend(found or [str(path)])
        else:
            items.append(str(path))
    return items


def check_file(source: str) -> Path:
    """The common checks before opening a file: exists, is a file, readable, not empty.

    One ``stat`` answers all but the permission question (a job checks every input, so
    four of them per file showed in the benchmarks with thousands of small images).
    """
    try:
        status = os.stat(source)
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise _refusal(source, exc) from None
    _check_status(source, status)
    if not os.access(source, os.R_OK):
        raise InputError(source, "permission denied")
    return Path(source)


def open_file(path: str | Path, source: str | None = None) -> BinaryIO:
    """The file opened for reading, after :func:`check_file`'s checks, in two system calls.

    ``O_NONBLOCK`` keeps the open from hanging on a named pipe; ``fstat`` on the open file
    answers the rest, and the open itself the permission question. (``check_file``'s
    ``stat`` and ``access``, then the decoder's own open, made two system calls more per
    image: ~1 % of a job on a tiny model.) A device is opened before it is refused (without
    becoming the controlling terminal); nobody drops one on the app on purpose.
    Errors name ``source`` (the URL a download came from), else ``path``.
    """
    source = source or str(path)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except (OSError, ValueError) as exc:
        raise _refusal(source, exc, path) from None
    try:
        _check_status(source, os.fstat(fd))
    except BaseException as exc:
        os.close(fd)
        if isinstance(exc, OSError):  # a failing disk or network share: this input only
            raise _refusal(source, exc) from None
        raise
    return open(fd, "rb", buffering=io.DEFAULT_BUFFER_SIZE)  # sized: no terminal check


def _refusal(source: str | Path, exc: OSError | ValueError, path: str | Path | None = None
             ) -> InputError:
    """Why a file could not be reached, from the system's error.

    With ``path``, an open that failed for another reason than a missing file looks at what
    the path is: a folder (Windows refuses to open one), a socket (no system opens one) or
    a device the user may not read are refused for what they are, as ``check_file`` does.
    """
    if path is not None and isinstance(exc, OSError) and exc.errno not in NO_SUCH_FILE:
        try:
            status = os.stat(path)
        except OSError:
            pass
        else:
            if stat.S_ISDIR(status.st_mode):
                return InputError(source, FOLDER)
            if not stat.S_ISREG(status.st_mode):
                return InputError(source, NOT_REGULAR)
    if isinstance(exc, PermissionError):
        return InputError(source, "permission denied")
    if isinstance(exc, OSError) and exc.errno not in NO_SUCH_FILE:
        return InputError(source, f"the file cannot be read ({exc.strerror or exc})")
    return InputError(source, "the file does not exist (was it moved or deleted?)")


def _check_status(source: str | Path, status: os.stat_result) -> None:
    if stat.S_ISDIR(status.st_mode):
        raise InputError(source, FOLDER)
    if not stat.S_ISREG(status.st_mode):  # a named pipe or a device: reading it could hang
        raise InputError(source, NOT_REGULAR)
    if status.st_size == 0:
        raise InputError(source, "the file is empty")


def load_image(source: str) -> Image.Image:
    """Open an image fully, refusing decompression bombs before decoding their pixels."""
    if not is_url(source):
        return _decode_image(source, source)
    path = fetch_url(source)
    try:
        return _decode_image(source, path)
    finally:  # the download was only needed until the pixels were read
        path.unlink(missing_ok=True)


def _decode_image(source: str, path: str | Path) -> Image.Image:
    import warnings

    from PIL import Image, UnidentifiedImageError

    with open_file(path, source) as file:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                with Image.open(file) as image:
                    width, height = image.size
                    limit = Image.MAX_IMAGE_PIXELS
                    if limit and width * height > limit:
                        raise InputError(source, f"the image is too large ({width}×{height} "
                                                 f"pixels; the limit is {limit // 1_000_000}"
                                                 " megapixels)")
                    image.load()  # the pixels, read now: the file closes on return
                    if image.mode == "RGB" and not getattr(image, "is_animated", False):
                        return image  # what models take; convert would only copy it
                    return image.convert("RGB")
        except InputError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise InputError(source, "the image is too large to open safely") from exc
        except UnidentifiedImageError as exc:
            raise InputError(source, "not an image") from exc
        except (OSError, SyntaxError, ValueError) as exc:
            raise InputError(source, f"the image is damaged ({exc})") from exc


def read_texts(source: str, column: str | None = None) -> list[str]:
    """The texts in a .txt (one per non-empty line) or .csv/.tsv file (one column)."""
    path = check_file(source)
    if path.stat().st_size > MAX_TEXT_BYTES:
        raise InputError(source, "the file is too large for a text list (over 50 MB)")
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise InputError(source, "not a text file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise InputError(source, "the text is not in UTF-8") from exc
    if path.suffix.lower() in (".csv", ".tsv"):
        return _csv_column(source, text, "\t" if path.suffix.lower() == ".tsv" else ",", column)
    return [line.strip() for line in text.splitlines() if line.strip()]


def csv_columns(source: str) -> list[str]:
    """Header names of a CSV file, for the 'which column?' choice."""
    path = check_file(source)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle, delimiter="\t" if path.suffix == ".tsv" else ","), [])
    return header


def _csv_column(source: str, text: str, delimiter: str, column: str | None) -> list[str]:
    rows = list(csv.DictReader(io.StringIO(text), delimiter=delimiter))
    if not rows:
        return []
    names = list(rows[0].keys())
    name = column or names[0]
    if name not in names:
        raise UsageError(f"'{Path(source).name}' has no column '{name}'. "
                         f"Columns: {', '.join(str(n) for n in names)}.")
    return [str(row[name]).strip() for row in rows if row.get(name) and str(row[name]).strip()]


def fetch_url(url: str, *, max_bytes: int = MAX_URL_BYTES,
              timeout_s: float = URL_TIMEOUT_S) -> Path:
    """Download an http(s) URL to a temporary file, refusing other schemes and huge files."""
    parsed = urllib.parse.urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise InputError(url, "only http:// and https:// addresses are allowed")
    try:  # huggingface_hub 2 depends on httpx2 (the same API); older ones on httpx
        import httpx2 as httpx
    except ModuleNotFoundError:
        import httpx  # type: ignore[no-redef]

    suffix = Path(parsed.path).suffix[:10]
    try:
        with httpx.stream("GET", url, timeout=timeout_s, follow_redirects=True) as response:
            if response.status_code != 200:
                raise InputError(url, f"the server answered {response.status_code}")
            declared = int(response.headers.get("content-length") or 0)
            if declared > max_bytes:
                raise InputError(url, f"the file is too large ({declared // 2**20} MB)")
            handle = tempfile.NamedTemporaryFile(  # noqa: SIM115
                prefix="pipedeck-", suffix=suffix, delete=False)
            with handle:
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        handle.close()
                        Path(handle.name).unlink(missing_ok=True)
                        raise InputError(url, f"the file is larger than {max_bytes // 2**20} MB")
                    handle.write(chunk)
            return Path(handle.name)
    except httpx.ConnectError as exc:
        raise InputError(url, "the server could not be reached (is the address right, and "
                              "are you online?)") from exc
    except httpx.TimeoutException as exc:
        raise InputError(url, "the server did not answer in time") from exc
    except httpx.HTTPError as exc:
        raise InputError(url, f"could not download it ({type(exc).__name__})") from exc


def describe(value: Any) -> str:
    """A one-line label for an input in lists and exports."""
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "…"
