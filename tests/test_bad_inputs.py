"""Every kind of bad input a user can drop, through the engine and through the CLI.

One job per task holds all of that task's bad inputs plus good ones (so the whole table
costs five jobs and five CLI runs, not one each); the per-case assertions are then cheap
parametrised checks over the recorded outcome: the job still finished, the other inputs
were processed, the sentence names the input in plain words, and no message anywhere
contains a traceback. Problems with the whole request (a broken model, empty labels, a
missing OCR language) are a second table, one short job each. A last test runs good
inputs in the same process, with the same pipeline cache, to show nothing was left broken.

What the user sees (engine message = the GUI's error row; the CLI prints it after
``pipedeck:`` on stderr). Set ``PIPEDECK_BAD_INPUTS_REPORT=file.md`` to write the
messages of an actual run as a table.

==================================  =====================================================
Category                            What the user sees (engine message = CLI stderr line)
==================================  =====================================================
empty file (any task)               could not read 'empty.png': the file is empty
text / PDF renamed as an image      could not read 'notes.png': not an image
truncated or corrupt image          could not read 'cut.png': the image is damaged (image
                                    file is truncated); document QA: the image is damaged
                                    or incomplete (...)
random bytes                        images: not an image; recordings: it is not an audio
                                    or video file, or it is damaged
decompression bomb (20000² PNG)     could not read 'bomb.png': the image is too large to
                                    open safely (document QA adds: 400 million pixels;
                                    the limit is 89 million)
folder with no file the task reads  it is a folder, not a file (a folder is expanded to
                                    its files; one with none is kept and reported, in the
                                    window and the CLI alike)
named pipe (FIFO), socket           it is not a regular file (a pipe or a device), for
                                    every kind of input. Documents used to hang forever
                                    on a pipe.
unreadable (chmod 000)              permission denied (skipped when the tests run as root:
                                    root reads any file)
missing / deleted while queued /    the file does not exist (was it moved or deleted?)
  under a folder that is now a file /
  name too long / a link loop
non-ASCII name with spaces          shown exactly: could not read 'leer – ü 日本.png': ...
file:// or ftp:// URL (images)      only http:// and https:// addresses are allowed
http URL, nothing listening         the server could not be reached (is the address right,
                                    and are you online?)
any URL for recordings / documents  web addresses cannot be transcribed: download the
                                    recording and add it from your computer (documents:
                                    ... cannot be read here: download the file ...)
text file renamed .mp3 / picture    it is a text file, not a recording / it is a picture,
                                    not a recording
video without sound                 the video has no sound track
recording cut off part-way          the pieces before the cut are transcribed and kept,
                                    then: the file is damaged after 0:29 (it should last
                                    1:13; it may be cut off)
silence, 0.3 s clip, 3 h silence    processed, empty transcript, no error (the voice
                                    detector skips silence: 3 h decoded in bounded memory)
password-protected PDF              the PDF is password-protected
PDF with no pages                   the PDF has no pages (or its page list is damaged)
PDF with a broken xref table        processed (pdfium repairs it)
truncated PDF                       the PDF is damaged or incomplete
blank page                          processed; note: no text found on page 1
empty / whitespace text             could not read '(empty text)': the text is empty
text over 20,000 characters         could not read 'word word word word word word word
                                    word …': the text is longer than 20000 characters
non-UTF-8 text file                 Windows-1252 is read as such; bytes that are text in
                                    no encoding: the text is not in UTF-8 (the CLI reports
                                    the file and still runs the other texts, exit 3)
binary file given as texts          not a text file
empty / whitespace prompt           could not read '(empty prompt)': the prompt is empty
prompt longer than the model reads  could not read 'hello hello hello hello hello hello
                                    hell…': the prompt is longer than this model can read
                                    (416 of 256 tokens)
--- whole-request problems ---      the job fails before any input runs; CLI exit 2 or 4
truncated safetensors / bad config  The model /…/broken-model could not be loaded: it
                                    looks damaged or incomplete. Download it again or
                                    choose another model.
folder without config.json          The folder 'broken-model' is not a model: it has no
                                    config.json.
a file given as the model           '/…/broken-model' is a file, not a model folder.
model for another task              The model /…/vit-image-classification cannot do this
                                    task (zero-shot-classification).
empty labels / duplicate labels     Labels: enter at least one. / Each label must be
                                    different.
empty question                      Questions: enter at least one.
OCR language 'xyz'                  The OCR language xyz ('xyz') is not installed
                                    (installed: eng). On Debian/Ubuntu: sudo apt install
                                    tesseract-ocr-xyz; ...
unknown spoken language             Language 'klingon' is not one the speech models know.
max new tokens 0                    Max new tokens must be at least 1.
==================================  =====================================================
"""

from __future__ import annotations

import io
import json
import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from engine.cli import main as cli_main
from engine.errors import InputError
from engine.inputs import read_texts
from engine.jobs import ItemResult, JobOutcome, JobSpec, JobState, run_job
from engine.models import PipelineCache
from engine.progress import JobControl, Progress
from engine.store import JobStore
from tests import invoices
from tests.speech_fixtures import media_dir

ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False
QUESTION = "What is the invoice number?"

# The module's fixtures run whole batches (3 h of silence among them); under CI load the
# first test's time includes them.
pytestmark = pytest.mark.timeout(900)


@dataclass(frozen=True)
class Case:
    """One bad (or awkward) input: what it is, and the words the user must see.

    ``expect`` None means the input is processed normally; ``cli`` False means the CLI
    treats it differently by design (a folder is expanded, not read as a file).
    """

    id: str
    task: str
    what: str
    make: Callable[[Path], str]
    expect: str | None
    cli: bool = True
    needs_non_root: bool = False
    deleted_while_queued: bool = False


def _write(name: str, data: bytes) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        (folder / name).write_bytes(data)
        return str(folder / name)
    return make


def _copy(source: Callable[[], Path], name: str) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        shutil.copy(source(), folder / name)
        return str(folder / name)
    return make


def _folder(name: str) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        (folder / name).mkdir()
        return str(folder / name)
    return make


def _fifo(name: str) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        os.mkfifo(folder / name)
        return str(folder / name)
    return make


def _socket(name: str) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        here = os.getcwd()
        os.chdir(folder)  # a relative name: a socket's path may not be longer than 108 bytes
        try:
            with socket.socket(socket.AF_UNIX) as server:  # a program's socket, left behind
                server.bind(name)
        finally:
            os.chdir(here)
        return str(folder / name)
    return make


def _locked(name: str, data: bytes) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        (folder / name).write_bytes(data)
        (folder / name).chmod(0)
        return str(folder / name)
    return make


def _missing(name: str) -> Callable[[Path], str]:
    return lambda folder: str(folder / name)


def _under_a_file(parent: str, name: str) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        (folder / parent).write_bytes(b"a file where a folder was")
        return str(folder / parent / name)
    return make


def _link_loop(name: str) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        (folder / name).symlink_to(folder / name)
        return str(folder / name)
    return make


def _value(text: str) -> Callable[[Path], str]:
    return lambda folder: text


def _media(name: str) -> Callable[[], Path]:
    return lambda: media_dir() / name


def _closed_port_url(path: str) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        with socket.socket() as probe:  # a port nobody listens on: bound, then released
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        return f"http://127.0.0.1:{port}/{path}"
    return make


def _png(color: tuple[int, int, int]) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), color).save(buffer, "PNG")
    return buffer.getvalue()


def _random(size: int, seed: int) -> bytes:
    import random

    return random.Random(seed).randbytes(size)


def _silent_3h() -> Path:
    """Three hours of digital silence as FLAC (~150 KB), made once with ffmpeg."""
    base = os.environ.get("PIPEDECK_TEST_CACHE") or Path.home() / ".cache" / "pipedeck-tests"
    path = Path(base) / "media-long" / "silence-3h-16k.flac"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.flac")
        subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
                        "-i", "anullsrc=r=16000:cl=mono", "-t", "10800", "-c:a", "flac",
                        "-frame_size", "16384", str(tmp)], check=True, capture_output=True)
        os.replace(tmp, path)
    return path


GOOD_PNG = _png((200, 40, 40))

CASES: tuple[Case, ...] = (
    # ------------------------------------------------------------ image classification
    Case("img-empty", "image", "empty file", _write("empty.png", b""), "the file is empty"),
    Case("img-text-renamed", "image", "text file renamed .png",
         _write("notes.png", b"these are notes, not a picture\n" * 10), "not an image"),
    Case("img-pdf-renamed", "image", "PDF renamed .jpg (wrong extension)",
         _copy(invoices.text_layer_pdf, "scan.jpg"), "not an image"),
    Case("img-truncated", "image", "PNG cut in half",
         _write("cut.png", GOOD_PNG[: len(GOOD_PNG) // 2]), "damaged"),
    Case("img-corrupt-jpeg", "image", "JPEG that stops after its header",
         _copy(invoices.corrupt_jpeg, "corrupt.jpg"), "damaged"),
    Case("img-random", "image", "random bytes", _write("noise.jpg", _random(4096, 1)),
         "not an image"),
    Case("img-bomb", "image", "decompression bomb (20000×20000 PNG header)",
         _copy(invoices.huge_png, "bomb.png"), "too large"),
    Case("img-folder", "image", "a folder named like an image", _folder("album.png"),
         "folder"),
    Case("img-fifo", "image", "named pipe (FIFO)", _fifo("pipe.png"), "not a regular file"),
    Case("img-socket", "image", "a program's socket", _socket("socket.png"),
         "not a regular file"),
    Case("img-locked", "image", "unreadable (chmod 000)", _locked("locked.png", GOOD_PNG),
         "permission denied", needs_non_root=True),
    Case("img-missing", "image", "file that does not exist", _missing("gone.png"),
         "does not exist"),
    Case("img-under-a-file", "image", "path whose folder is a file (a stale path)",
         _under_a_file("photos", "cat.png"), "does not exist"),
    Case("img-name-too-long", "image", "a name longer than the system allows",
         _missing("n" * 300 + ".png"), "does not exist"),
    Case("img-link-loop", "image", "a link that points at itself", _link_loop("loop.png"),
         "does not exist"),
    Case("img-non-ascii", "image", "bad file with a non-ASCII name and spaces",
         _write("leer – ü 日本.png", b""), "the file is empty"),
    Case("img-url-file", "image", "file:// URL", _value("file:///etc/hostname"),
         "only http:// and https://"),
    Case("img-url-ftp", "image", "ftp:// URL", _value("ftp://127.0.0.1/photo.png"),
         "only http:// and https://"),
    Case("img-url-closed", "image", "http URL to a closed 127.0.0.1 port",
         _closed_port_url("photo.png"), "could not be reached"),
    Case("img-deleted", "image", "file deleted while queued",
         _write("deleted later.png", GOOD_PNG), "does not exist", deleted_while_queued=True),
    # ------------------------------------------------------------ zero-shot (typed texts)
    Case("zs-empty", "zero-shot", "empty text", _value(""), "the text is empty"),
    Case("zs-blank", "zero-shot", "whitespace-only text", _value(" \n\t "),
         "the text is empty"),
    Case("zs-too-long", "zero-shot", "text of 25,000 characters", _value("word " * 5000),
         "longer than 20000 characters"),
    # ------------------------------------------------------------ text generation
    Case("gen-empty", "generate", "empty prompt", _value(""), "the prompt is empty"),
    Case("gen-blank", "generate", "whitespace-only prompt", _value("  \n "),
         "the prompt is empty"),
    Case("gen-too-long", "generate", "prompt longer than the model's context",
         _value("hello " * 400), "longer than this model can read"),
    Case("gen-broken-json", "generate", "half a JSON conversation (read as plain text)",
         _value('[{"role": "user", "content": "hi"'), None),
    # ------------------------------------------------------------ transcription
    Case("aud-empty", "transcribe", "empty .mp3", _copy(_media("empty.mp3"), "empty.mp3"),
         "the file is empty"),
    Case("aud-text-renamed", "transcribe", "text file renamed .mp3",
         _copy(_media("notes.mp3"), "notes.mp3"), "text file, not a recording"),
    Case("aud-picture", "transcribe", "PNG renamed .mp3",
         _copy(_media("picture.mp3"), "picture.mp3"), "picture"),
    Case("aud-random", "transcribe", "random bytes", _write("noise.wav", _random(8192, 2)),
         "not an audio or video file"),
    Case("aud-truncated-mp3", "transcribe", "MP3 cut at 40 % (pieces before the cut kept)",
         _copy(_media("long-truncated.mp3"), "cut.mp3"), "damaged after"),
    Case("aud-truncated-m4a", "transcribe", "M4A cut in half",
         _copy(_media("long-truncated.m4a"), "cut.m4a"), "damaged"),
    Case("aud-no-sound", "transcribe", "video without a sound track",
         _copy(_media("video-no-audio.mp4"), "screen recording.mp4"), "no sound track"),
    Case("aud-silence", "transcribe", "5 minutes of silence",
         _copy(_media("silence-5min.flac"), "silence.flac"), None),
    Case("aud-short", "transcribe", "0.3 s clip", _copy(_media("clip-0.3s.wav"), "clip.wav"),
         None),
    Case("aud-3h-silence", "transcribe", "3 hours of silence (bounded memory and time)",
         _copy(_silent_3h, "three hours.flac"), None),
    Case("aud-folder", "transcribe", "a folder named like a recording", _folder("talk.wav"),
         "folder"),
    Case("aud-fifo", "transcribe", "named pipe (FIFO)", _fifo("pipe.wav"), "not a regular file"),
    Case("aud-locked", "transcribe", "unreadable (chmod 000)",
         _copy(_media("clip-0.3s.wav"), "locked.wav"), "permission denied",
         needs_non_root=True),
    Case("aud-missing", "transcribe", "file that does not exist", _missing("gone.mp3"),
         "does not exist"),
    Case("aud-non-ascii", "transcribe", "bad file with a non-ASCII name and spaces",
         _copy(_media("notes.mp3"), "leer – ü 日本.mp3"), "text file"),
    Case("aud-url-http", "transcribe", "http URL to a closed port",
         _closed_port_url("talk.mp3"), "web addresses cannot be transcribed"),
    Case("aud-url-file", "transcribe", "file:// URL", _value("file:///tmp/talk.mp3"),
         "web addresses cannot be transcribed"),
    Case("aud-deleted", "transcribe", "file deleted while queued",
         _copy(_media("speech.wav"), "deleted later.wav"), "does not exist",
         deleted_while_queued=True),
    # ------------------------------------------------------------ document QA
    Case("doc-password", "docqa", "password-protected PDF",
         _copy(invoices.password_pdf, "locked.pdf"), "password-protected"),
    Case("doc-zero-pages", "docqa", "PDF with no pages",
         _copy(invoices.zero_page_pdf, "zero.pdf"), "no pages"),
    Case("doc-broken-xref", "docqa", "PDF with a garbled xref table (repaired)",
         _copy(invoices.broken_xref_pdf, "broken xref.pdf"), None),
    Case("doc-truncated", "docqa", "PDF cut at a third",
         _copy(invoices.truncated_pdf, "cut.pdf"), "damaged"),
    Case("doc-corrupt-jpeg", "docqa", "JPEG that stops after its header",
         _copy(invoices.corrupt_jpeg, "corrupt.jpg"), "damaged or incomplete"),
    Case("doc-garbage-jpeg", "docqa", "JPEG marker followed by noise",
         _copy(invoices.garbage_jpeg, "garbage.jpg"), "damaged"),
    Case("doc-blank", "docqa", "blank page (a warning, not an error)",
         _copy(invoices.blank_png, "blank.png"), None),
    Case("doc-bomb", "docqa", "decompression bomb (20000×20000 PNG header)",
         _copy(invoices.huge_png, "huge.png"), "too large to open safely"),
    Case("doc-empty", "docqa", "empty file", _write("empty.pdf", b""), "the file is empty"),
    Case("doc-text-renamed", "docqa", "text file renamed .pdf",
         _write("notes.pdf", b"Invoice number: INV-1\n"), "not a PDF or an image"),
    Case("doc-mp3", "docqa", "a song", _copy(invoices.mp3_file, "song.mp3"),
         "not a PDF or an image"),
    Case("doc-folder", "docqa", "a folder named like a PDF", _folder("archive.pdf"), "folder"),
    Case("doc-fifo", "docqa", "named pipe (FIFO): used to hang forever", _fifo("pipe.pdf"),
         "not a regular file"),
    Case("doc-locked", "docqa", "unreadable (chmod 000)",
         _copy(invoices.text_layer_pdf, "locked.pdf.pdf"), "permission denied",
         needs_non_root=True),
    Case("doc-url", "docqa", "http URL to a closed port", _closed_port_url("invoice.pdf"),
         "web addresses cannot be read"),
    Case("doc-deleted", "docqa", "file deleted while queued",
         _copy(invoices.text_layer_pdf, "deleted later.pdf"), "does not exist",
         deleted_while_queued=True),
)

#: Bad text files for the typed-text tasks: read by ``read_texts`` (engine) and ``--file``.
TEXT_FILES: tuple[Case, ...] = (
    Case("txt-not-utf8", "zero-shot", "bytes that are text in no encoding",
         _write("undefined bytes.txt", b"ok line\n\x81\x8d\x8f\x90\x9d\n"), "not in UTF-8"),
    Case("txt-cp1252", "zero-shot", "Windows-1252 (not UTF-8) text file, read as such",
         _write("café.txt", "caf\xe9 au lait\n".encode("cp1252")), None),
    Case("txt-binary", "zero-shot", "binary file given as a text list",
         _write("data.txt", b"\x00\x01\x02" * 100), "not a text file"),
    Case("txt-empty", "zero-shot", "empty text file", _write("nothing.txt", b""),
         "the file is empty"),
    Case("txt-missing", "zero-shot", "text file that does not exist", _missing("gone.txt"),
         "does not exist"),
)

GOOD: dict[str, tuple[str, ...]] = {
    "image": ("red square.png", "grün.png"),
    "zero-shot": ("my phone battery broke",),
    "generate": ("hello world",),
    "transcribe": ("my talk – ünïcødé 日本.mp3",),
    "docqa": ("Rechnung März 2024.pdf",),
}


def _good_inputs(task: str, folder: Path) -> list[str]:
    if task == "image":
        for name, color in (("red square.png", (220, 30, 30)), ("grün.png", (30, 200, 60))):
            (folder / name).write_bytes(_png(color))
        return [str(folder / name) for name in GOOD[task]]
    if task == "transcribe":
        shutil.copy(media_dir() / GOOD[task][0], folder / GOOD[task][0])
        return [str(folder / GOOD[task][0])]
    if task == "docqa":
        shutil.copy(invoices.text_layer_pdf(), folder / GOOD[task][0])
        return [str(folder / GOOD[task][0])]
    return list(GOOD[task])


@dataclass
class TaskRun:
    """One task's job: its inputs in order, which case each is, and what came back."""

    task: str
    inputs: list[str]
    case_at: dict[int, Case]
    good_at: list[int]
    outcome: JobOutcome | None = None
    partials: list[tuple[float, ItemResult]] = field(default_factory=list)
    cli_code: int | None = None
    cli_out: dict[str, Any] = field(default_factory=dict)
    cli_err: str = ""
    rss: list[tuple[float, float]] = field(default_factory=list)

    def index_of(self, case: Case) -> int:
        return next(i for i, c in self.case_at.items() if c.id == case.id)

    def errors(self, index: int) -> list[str]:
        return [r.error for _, r in self.partials if r.index == index and r.error]

    def payloads(self, index: int) -> list[dict[str, Any]]:
        return [r.payload for _, r in self.partials if r.index == index and r.payload]

    def finished_at(self, index: int) -> float:
        return next(t for t, r in self.partials if r.index == index and (r.complete or r.error))


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class _RssSampler:
    """Samples this process's resident memory every 20 ms while a job runs."""

    def __init__(self, samples: list[tuple[float, float]]) -> None:
        self.samples = samples
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            self.samples.append((time.monotonic(), _rss_mb()))

    def __enter__(self) -> _RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


class _DeletingStream(io.StringIO):
    """The CLI's stderr, as a terminal: its first progress line deletes a queued input."""

    def __init__(self, victim: Path | None) -> None:
        super().__init__()
        self.victim = victim

    def isatty(self) -> bool:  # so the CLI reports progress here, from the job's start
        return True

    def write(self, text: str) -> int:
        if self.victim is not None:
            self.victim.unlink(missing_ok=True)
            self.victim = None
        return super().write(text)


TASK_IDS = {"image": "image-classification", "zero-shot": "zero-shot-classification",
            "generate": "text-generation", "transcribe": "automatic-speech-recognition",
            "docqa": "document-question-answering"}


def _params(task: str) -> dict[str, Any]:
    return {"image": {"top_k": 2}, "zero-shot": {"candidate_labels": "phone, sports"},
            "generate": {"max_new_tokens": 3, "temperature": 0},
            "transcribe": {"max_new_tokens": 5},
            "docqa": {"questions": [QUESTION], "top_k": 1}}[task]


def _cli_args(task: str, model: Path) -> list[str]:
    return {"image": ["classify-image", "--top-k", "2"],
            "zero-shot": ["zero-shot", "--labels", "phone,sports"],
            "generate": ["generate", "--max-new-tokens", "3", "--temperature", "0"],
            "transcribe": ["transcribe", "--max-new-tokens", "5"],
            "docqa": ["ask", "-q", QUESTION, "--top-k", "1"]}[task] + [
        "--model", str(model), "--json"]


@pytest.fixture(scope="module")
def models() -> dict[str, Path]:
    from tests.tiny.layoutlm import layoutlm_docqa
    from tests.tiny.text import tiny_lm, tiny_nli
    from tests.tiny.vision import tiny_vit
    from tests.tiny.whisper import whisper_tiny_random

    return {"image": tiny_vit(), "zero-shot": tiny_nli(), "generate": tiny_lm(),
            "transcribe": whisper_tiny_random(), "docqa": layoutlm_docqa()}


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A Pipedeck home for the module's jobs (the autouse one is per test)."""
    folder = tmp_path_factory.mktemp("bad-inputs-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PIPEDECK_HOME", str(folder))
        yield folder


@pytest.fixture(scope="module")
def cache() -> PipelineCache:
    return PipelineCache(capacity=2)


@pytest.fixture(scope="module")
def runs(models: dict[str, Path], home: Path, cache: PipelineCache,
         tmp_path_factory: pytest.TempPathFactory) -> dict[str, TaskRun]:
    """Each task's job with all its bad inputs, run by ``run_job`` and by the CLI."""
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is needed for the document cases")
    store = JobStore(home / "engine-jobs.sqlite3")
    result: dict[str, TaskRun] = {}
    for task in TASK_IDS:
        folder = tmp_path_factory.mktemp(f"bad-{task}")
        good = _good_inputs(task, folder)
        cases = [c for c in CASES if c.task == task and not (c.needs_non_root and ROOT)]
        queued_last = [c for c in cases if c.deleted_while_queued]
        ordered = [c for c in cases if not c.deleted_while_queued]
        inputs: list[str] = [good[0]]
        case_at: dict[int, Case] = {}
        for case in ordered:
            case_at[len(inputs)] = case
            inputs.append(case.make(folder))
        good_at = [0]
        for extra in good[1:]:
            good_at.append(len(inputs))
            inputs.append(extra)
        # last: deleted at the job's first report, after the job has started and before it
        # reads the file (every runner reads an input only when it gets to it)
        for case in queued_last:
            case_at[len(inputs)] = case
            inputs.append(case.make(folder))
        run = TaskRun(task, inputs, case_at, good_at)
        victim = Path(inputs[-1]) if queued_last else None

        def on_progress(progress: Progress, victim: Path | None = victim) -> None:
            # the job's first report ("Loading…"): every input is queued, none read yet
            if victim is not None:
                victim.unlink(missing_ok=True)

        def on_partial(item: ItemResult, run: TaskRun = run) -> None:
            run.partials.append((time.monotonic(), item))

        control = JobControl(on_progress=on_progress, on_partial=on_partial)
        spec = JobSpec(TASK_IDS[task], tuple(inputs), str(models[task]), _params(task))
        with _RssSampler(run.rss):
            run.outcome = run_job(spec, control, cache, store)
        if victim is not None and not victim.exists():  # back in place for the CLI's turn
            queued_last[0].make(folder)
        cli_inputs = list(inputs)
        if task == "zero-shot":
            text_folder = tmp_path_factory.mktemp("bad-text-files")
            for case in TEXT_FILES:
                cli_inputs += ["--file", case.make(text_folder)]
        out = io.StringIO()
        err = _DeletingStream(victim)
        run.cli_code = cli_main([*_cli_args(task, models[task]), *cli_inputs],
                                stdout=out, stderr=err)
        run.cli_out = json.loads(out.getvalue()) if out.getvalue().strip() else {}
        run.cli_err = err.getvalue()
        result[task] = run
    _maybe_write_report(result)
    return result


def _maybe_write_report(runs: dict[str, TaskRun]) -> None:
    target = os.environ.get("PIPEDECK_BAD_INPUTS_REPORT")
    if not target:
        return
    lines = ["| case | input | engine message (GUI) | CLI exit |", "|---|---|---|---|"]
    for run in runs.values():
        for index, case in sorted(run.case_at.items()):
            message = "; ".join(run.errors(index)) or "(processed, no error)"
            lines.append(f"| {case.id} | {case.what} | {message} | {run.cli_code} |")
    Path(target).write_text("\n".join(lines) + "\n", encoding="utf-8")


def _ids(cases: tuple[Case, ...]) -> list[str]:
    return [case.id for case in cases]


def _entry(run: TaskRun, source: str) -> dict[str, Any] | None:
    return next((e for e in run.cli_out.get("results", []) if e["input"] == source), None)


@pytest.mark.parametrize("case", CASES, ids=_ids(CASES))
def test_bad_input_is_reported_plainly_and_the_others_still_run(
        case: Case, runs: dict[str, TaskRun]) -> None:
    if case.needs_non_root and ROOT:
        pytest.skip("running as root: file permissions do not stop root from reading")
    run = runs[case.task]
    index = run.index_of(case)
    source = run.inputs[index]
    assert run.outcome is not None and run.outcome.state is JobState.DONE, run.outcome
    for good in run.good_at:  # every good input of the job still has its result
        assert run.payloads(good) and not run.errors(good), run.inputs[good]
    errors = run.errors(index)
    if case.expect is None:
        assert errors == []
    else:
        assert len(errors) == 1, errors
        assert case.expect.lower() in errors[0].lower(), errors[0]
        assert errors[0].startswith("could not read '")
        assert _shown_name(source) in errors[0]
    for _, item in run.partials:
        assert "Traceback" not in (item.error or "")
    # The CLI: exit 3 (some inputs unreadable), this input named on stderr, no traceback.
    assert run.cli_code == 3, run.cli_err
    assert "Traceback" not in run.cli_err
    if not case.cli:
        assert _shown_name(source) not in run.cli_err  # expanded as a folder instead
        return
    entry = _entry(run, source)
    if case.expect is None:
        assert entry is None or entry["error"] is None
        assert _shown_name(source) not in run.cli_err
    else:
        assert f"could not read '{_shown_name(source)}" in run.cli_err
        assert entry is not None and case.expect.lower() in entry["error"].lower()
    for good in run.good_at:
        good_entry = _entry(run, run.inputs[good])
        assert good_entry is not None and good_entry["result"] and not good_entry["error"]


def _shown_name(source: str) -> str:
    from engine.errors import display_name

    if not source.strip():
        return "(empty"
    if len(source) > 1000:
        return " ".join(source.split())[:20]
    return display_name(source)


@pytest.mark.parametrize("case", TEXT_FILES, ids=_ids(TEXT_FILES))
def test_bad_text_file_is_named_and_the_other_texts_still_run(
        case: Case, runs: dict[str, TaskRun], tmp_path: Path) -> None:
    path = case.make(tmp_path)
    if case.expect is None:
        assert read_texts(path)
    else:
        with pytest.raises(InputError) as info:
            read_texts(path)
        assert str(info.value).startswith(f"could not read '{Path(path).name}'")
        assert case.expect in str(info.value)
    run = runs["zero-shot"]
    name = Path(path).name
    assert (f"could not read '{name}'" in run.cli_err) == (case.expect is not None)
    assert run.cli_code == 3 and "Traceback" not in run.cli_err
    texts = [e["input"] for e in run.cli_out["results"] if e["result"]]
    assert "my phone battery broke" in texts  # the others were still classified
    if case.id == "txt-cp1252":
        assert "café au lait" in texts


def test_truncated_recording_keeps_the_pieces_before_the_cut(runs: dict[str, TaskRun]) -> None:
    run = runs["transcribe"]
    for case_id in ("aud-truncated-mp3",):
        index = run.index_of(next(c for c in CASES if c.id == case_id))
        pieces = run.payloads(index)
        assert pieces and all("segments" in p for p in pieces)
        entry = _entry(run, run.inputs[index])
        assert entry is not None and entry["result"]["segments"] is not None


def test_three_hours_of_silence_take_bounded_time_and_memory(runs: dict[str, TaskRun]) -> None:
    run = runs["transcribe"]
    index = run.index_of(next(c for c in CASES if c.id == "aud-3h-silence"))
    started = run.finished_at(index - 1)
    ended = run.finished_at(index)
    before = [mb for t, mb in run.rss if t <= started]
    during = [mb for t, mb in run.rss if started <= t <= ended]
    assert before and during
    growth = max(during) - before[-1]
    print(f"3 h of silence: {ended - started:.1f} s, peak memory growth {growth:.0f} MB")
    # The whole file as 16 kHz float32 samples would be 691 MB; blocks of 30 s are 2 MB.
    assert growth < 150, f"memory grew by {growth:.0f} MB"
    assert ended - started < 300, f"took {ended - started:.0f} s"  # ~40 s on an idle machine
    assert run.payloads(index) == []  # nothing invented for silence


JOB_CASES: tuple[tuple[str, str, str, int], ...] = (
    # id, what, expected words, exit code
    ("model-truncated-weights", "model.safetensors cut inside its header",
     "looks damaged or incomplete", 4),
    ("model-truncated-data", "model.safetensors cut inside its tensors",
     "looks damaged or incomplete", 4),
    ("model-no-config", "model folder without config.json", "it has no config.json", 4),
    ("model-garbled-config", "config.json that is not JSON", "looks damaged or incomplete", 4),
    ("model-is-a-file", "a file given as the model folder", "is a file, not a model folder", 4),
    ("model-wrong-task-text", "an image model asked to sort texts", "cannot do this task", 4),
    ("model-wrong-task-image", "a text model asked to classify images",
     "cannot do this task", 4),
    ("labels-empty", "empty candidate labels", "Labels: enter at least one.", 2),
    ("labels-duplicate", "the same label twice", "Each label must be different.", 2),
    ("question-empty", "an empty question", "Questions: enter at least one.", 2),
    ("ocr-language-missing", "OCR language 'xyz' (not installed)",
     "The OCR language xyz ('xyz') is not installed", 4),
    ("language-unknown", "an unknown spoken language", "Language 'klingon' is not one", 2),
    ("tokens-zero", "max new tokens 0", "must be at least 1", 2),
)


def _job_case(case_id: str, models: dict[str, Path], folder: Path
              ) -> tuple[JobSpec, list[str]]:
    """The engine spec and the CLI arguments for one whole-request problem."""
    image = folder / "photo.png"
    image.write_bytes(GOOD_PNG)
    scan = folder / "scan.png"
    shutil.copy(invoices.classic_png(), scan)
    broken = folder / "broken-model"
    if case_id.startswith("model-") and case_id != "model-is-a-file":
        shutil.copytree(models["image"], broken)
    if case_id in ("model-truncated-weights", "model-truncated-data"):
        weights = broken / "model.safetensors"
        data = weights.read_bytes()
        weights.write_bytes(data[:2000] if case_id.endswith("weights") else
                            data[: len(data) * 2 // 3])
    elif case_id == "model-no-config":
        (broken / "config.json").unlink()
    elif case_id == "model-garbled-config":
        (broken / "config.json").write_text("{ this is not json", encoding="utf-8")
    elif case_id == "model-is-a-file":
        broken.write_bytes(b"not a model")
    images = ("image-classification", (str(image),), {}, ["classify-image", str(image)])
    table: dict[str, tuple[str, tuple[str, ...], dict[str, Any], list[str], Path]] = {
        "model-truncated-weights": (*images, broken),
        "model-truncated-data": (*images, broken),
        "model-no-config": (*images, broken),
        "model-garbled-config": (*images, broken),
        "model-is-a-file": (*images, broken),
        "model-wrong-task-text": ("zero-shot-classification", ("my phone broke",),
                                  {"candidate_labels": "phone"},
                                  ["zero-shot", "my phone broke", "--labels", "phone"],
                                  models["image"]),
        "model-wrong-task-image": (*images, models["zero-shot"]),
        "labels-empty": ("zero-shot-classification", ("my phone broke",),
                         {"candidate_labels": " , "},
                         ["zero-shot", "my phone broke", "--labels", " , "],
                         models["zero-shot"]),
        "labels-duplicate": ("zero-shot-classification", ("my phone broke",),
                             {"candidate_labels": "phone, phone"},
                             ["zero-shot", "my phone broke", "--labels", "phone,phone"],
                             models["zero-shot"]),
        "question-empty": ("document-question-answering", (str(scan),), {"questions": [""]},
                           ["ask", str(scan), "-q", ""], models["docqa"]),
        "ocr-language-missing": ("document-question-answering", (str(scan),),
                                 {"questions": [QUESTION], "ocr_lang": "xyz"},
                                 ["ask", str(scan), "-q", QUESTION, "--ocr-lang", "xyz"],
                                 models["docqa"]),
        "language-unknown": ("automatic-speech-recognition",
                             (str(media_dir() / "clip-0.3s.wav"),), {"language": "klingon"},
                             ["transcribe", str(media_dir() / "clip-0.3s.wav"), "--language",
                              "klingon"], models["transcribe"]),
        "tokens-zero": ("text-generation", ("hello",), {"max_new_tokens": 0},
                        ["generate", "hello", "--max-new-tokens", "0"], models["generate"]),
    }
    task, inputs, params, argv, model = table[case_id]
    return JobSpec(task, inputs, str(model), params), [*argv, "--model", str(model)]


@pytest.mark.parametrize("case_id, what, expect, code", JOB_CASES,
                         ids=[c[0] for c in JOB_CASES])
def test_whole_request_problem_fails_the_job_in_one_sentence(
        case_id: str, what: str, expect: str, code: int, models: dict[str, Path],
        cache: PipelineCache, tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    spec, argv = _job_case(case_id, models, tmp_path)
    partials: list[ItemResult] = []
    outcome = run_job(spec, JobControl(on_partial=partials.append), cache)
    assert outcome.state is JobState.FAILED
    assert expect in outcome.message and "Traceback" not in outcome.message
    assert outcome.exit_code == code
    assert not any(p.payload for p in partials)
    out, err = io.StringIO(), io.StringIO()
    assert cli_main(argv, stdout=out, stderr=err) == code
    assert expect in err.getvalue() and "Traceback" not in err.getvalue()
    assert "Traceback" not in capfd.readouterr().err  # nothing leaked past the CLI either


def test_the_process_stays_healthy_after_every_bad_input(
        runs: dict[str, TaskRun], models: dict[str, Path], cache: PipelineCache,
        tmp_path: Path) -> None:
    image = tmp_path / "after.png"
    image.write_bytes(GOOD_PNG)
    checks = (("image-classification", str(image), "image"),
              ("automatic-speech-recognition", str(media_dir() / "speech.wav"), "transcribe"),
              ("document-question-answering", str(invoices.text_layer_pdf()), "docqa"))
    for task, source, key in checks:
        partials: list[ItemResult] = []
        outcome = run_job(JobSpec(task, (source,), str(models[key]), _params(key)),
                          JobControl(on_partial=partials.append), cache)
        assert outcome.state is JobState.DONE and outcome.errors == 0, outcome
        assert any(p.payload for p in partials)
    assert len([c for c in CASES if not (c.needs_non_root and ROOT)]) + len(TEXT_FILES) \
        + len(JOB_CASES) >= 40
