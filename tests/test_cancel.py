"""Cancel lands within a second of the step in progress, at every stage of a job.

Each job runs on its own thread, as on the GUI's worker; the test thread cancels it while
the model loads, while Tesseract reads a page, while Whisper decodes a piece and while a
language model writes. Afterwards no thread is left behind and the same pipeline cache
runs the next job at once, without loading the model again.

The cache used here is the real one with a hook that tells the test when loading or a
pipeline call begins (a spy: the models, the pipelines and their outputs are all real).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from engine.jobs import JobOutcome, JobSpec, JobState, run_job
from engine.models import ModelKey, PipelineCache
from engine.progress import JobControl
from tests import invoices
from tests.speech_fixtures import media_dir


class HookedCache(PipelineCache):
    """The real cache; ``loading`` is set when a load starts and ``calling`` when a pipeline
    call starts. ``hold_load`` makes a load wait until the test has sent its cancel."""

    def __init__(self) -> None:
        super().__init__(capacity=2)
        self.loading = threading.Event()
        self.calling = threading.Event()
        self.release_load = threading.Event()
        self.hold_load = False
        self.loaded_at = 0.0
        self.call_ended_at = 0.0

    def get(self, key: ModelKey) -> Any:
        if key not in self:
            self.loading.set()
            if self.hold_load:
                assert self.release_load.wait(30)
        pipe = super().get(key)
        self.loaded_at = time.monotonic()
        return _Watched(pipe, self)


class _Watched:
    def __init__(self, pipe: Any, owner: HookedCache) -> None:
        self._pipe = pipe
        self._owner = owner

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self._owner.calling.set()
        try:
            return self._pipe(*args, **kwargs)
        finally:
            self._owner.call_ended_at = time.monotonic()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pipe, name)


class JobThread(threading.Thread):
    """``run_job`` on a thread of its own, like the GUI's worker."""

    def __init__(self, spec: JobSpec, control: JobControl, cache: PipelineCache) -> None:
        super().__init__(name="test-job")
        self.spec, self.control, self.cache = spec, control, cache
        self.outcome: JobOutcome | None = None
        self.ended_at = 0.0

    def run(self) -> None:
        self.outcome = run_job(self.spec, self.control, self.cache)
        self.ended_at = time.monotonic()


@pytest.fixture(scope="module")
def models() -> dict[str, Path]:
    from tests.tiny.layoutlm import layoutlm_docqa
    from tests.tiny.text import tiny_lm
    from tests.tiny.vision import tiny_vit
    from tests.tiny.whisper import whisper_tiny_random

    return {"image": tiny_vit(), "generate": tiny_lm(), "transcribe": whisper_tiny_random(),
            "docqa": layoutlm_docqa()}


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A four-page scanned PDF (pictures only): every page needs OCR."""
    from PIL import Image

    path = tmp_path_factory.mktemp("scan") / "four pages.pdf"
    page = Image.open(invoices.classic_png()).convert("RGB")
    page.save(path, "PDF", save_all=True, append_images=[page.copy() for _ in range(3)],
              resolution=150)
    return path


@pytest.fixture()
def baseline() -> Iterator[None]:
    """No thread started by a job outlives it, but the two the process keeps for every job
    (the saver's and the writer's, started by whichever job first needs them)."""
    kept = {"pipedeck-saver", "pipedeck-writer"}
    before = {t.ident for t in threading.enumerate()}
    yield
    deadline = time.monotonic() + 5
    while True:
        extra = [t for t in threading.enumerate() if t.ident not in before and t.name not in kept]
        if not extra or time.monotonic() > deadline:
            break
        time.sleep(0.01)  # polling for threads that are finishing
    assert extra == [], f"threads left behind: {extra}"


def _rerun_on_same_cache(cache: HookedCache, spec: JobSpec) -> None:
    """The cache that served the cancelled job runs the next one at once, no reload."""
    loads = cache.loads
    outcome = run_job(spec, JobControl(), cache)
    assert outcome.state is JobState.DONE, outcome.message
    assert cache.loads == loads


def _cancel_when(event: threading.Event, job: JobThread, timeout: float = 120) -> float:
    assert event.wait(timeout), "the job never reached the step to cancel"
    job.control.cancel()
    return time.monotonic()


def test_cancel_while_the_model_loads_ends_the_job_right_after_the_load(
        models: dict[str, Path], baseline: None, tmp_path: Path) -> None:
    from PIL import Image

    image = tmp_path / "photo.png"
    Image.new("RGB", (32, 32), "red").save(image)
    cache = HookedCache()
    cache.hold_load = True
    partials: list[Any] = []
    spec = JobSpec("image-classification", (str(image),) * 5, str(models["image"]))
    job = JobThread(spec, JobControl(on_partial=partials.append), cache)
    job.start()
    _cancel_when(cache.loading, job)
    cache.release_load.set()  # the load itself goes on: from_pretrained cannot be stopped
    job.join(60)
    assert job.outcome is not None and job.outcome.state is JobState.CANCELLED
    assert partials == []  # not one image was classified
    latency = job.ended_at - cache.loaded_at
    print(f"cancel latency, after model load: {latency * 1000:.0f} ms")
    assert latency < 5.0  # milliseconds when idle (see the notes); seconds only under load
    assert ModelKey("image-classification", str(models["image"])) in cache  # the load is kept
    cache.hold_load = False
    _rerun_on_same_cache(cache, JobSpec("image-classification", (str(image),),
                                        str(models["image"])))


def _tesseract_children() -> set[int]:
    """Process ids of the tesseract OCR runs this process has going now."""
    found: set[int] = set()
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/children") as handle:
                pids = handle.read().split()
        except OSError:
            continue
        for pid in pids:
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as handle:
                    argv = handle.read().split(b"\0")
            except OSError:
                continue
            # An OCR run, not pytesseract asking for the version or the language list.
            if Path(os.fsdecode(argv[0])).name == "tesseract" and not any(
                    arg.startswith(b"--") and arg != b"--psm" for arg in argv[1:2]):
                found.add(int(pid))
    return found


def test_cancel_during_ocr_stops_after_the_page_being_read(
        models: dict[str, Path], scan: Path, baseline: None) -> None:
    if not Path("/proc/self/task").is_dir():
        pytest.skip("needs /proc to see the OCR program run")
    import shutil

    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed")
    cache = HookedCache()
    spec = JobSpec("document-question-answering", (str(scan),), str(models["docqa"]),
                   {"questions": ["What is the invoice number?"]})
    cache.get(spec.key)  # loaded before, so the cancel below lands in OCR, not the load
    progress: list[str] = []
    job = JobThread(spec, JobControl(on_progress=lambda p: progress.append(p.message),
                                     min_interval_s=0), cache)
    job.start()
    deadline = time.monotonic() + 120
    running: set[int] = set()
    while not running:  # polling for the OCR program to start on page 1
        assert time.monotonic() < deadline and job.is_alive()
        running = _tesseract_children()
        time.sleep(0.005)
    job.control.cancel()
    seen = set(running)
    step_ended = 0.0
    while job.is_alive():
        now = _tesseract_children()
        seen |= now
        if not (now & running) and not step_ended:
            step_ended = time.monotonic()
        time.sleep(0.005)
    job.join()
    assert job.outcome is not None and job.outcome.state is JobState.CANCELLED
    assert seen == running  # no page after the one being read went to Tesseract
    assert not any(m.startswith("page 2") for m in progress)
    latency = job.ended_at - (step_ended or job.ended_at)
    print(f"cancel latency, after the OCR of a page: {latency * 1000:.0f} ms")
    assert latency < 5.0  # milliseconds when idle (see the notes); seconds only under load
    _rerun_on_same_cache(cache, JobSpec("document-question-answering",
                                        (str(invoices.text_layer_pdf()),),
                                        str(models["docqa"]), spec.params))


def test_cancel_during_transcription_stops_the_decoder_at_the_next_token(
        models: dict[str, Path], baseline: None) -> None:
    cache = HookedCache()
    partials: list[Any] = []
    # A random Whisper never ends a piece by itself: without a cancel it would decode
    # 448 tokens (about a minute here) for the first piece.
    spec = JobSpec("automatic-speech-recognition", (str(media_dir() / "three-parts.flac"),),
                   str(models["transcribe"]), {"max_new_tokens": 440})
    job = JobThread(spec, JobControl(on_partial=partials.append), cache)
    job.start()
    cancelled_at = _cancel_when(cache.calling, job)
    job.join(60)
    assert job.outcome is not None and job.outcome.state is JobState.CANCELLED
    assert cache.call_ended_at > cancelled_at  # the cancel landed inside the model call
    assert not any(p.payload for p in partials)  # half a piece is not kept
    latency = job.ended_at - cancelled_at
    print(f"cancel latency, transcription, mid-piece: {latency * 1000:.0f} ms")
    assert latency < 5.0  # milliseconds when idle (see the notes); seconds only under load
    _rerun_on_same_cache(cache, JobSpec("automatic-speech-recognition",
                                        (str(media_dir() / "clip-0.3s.wav"),),
                                        str(models["transcribe"]), {"max_new_tokens": 5}))


def test_cancel_during_generation_stops_the_writer_thread(
        models: dict[str, Path], baseline: None) -> None:
    cache = HookedCache()
    first_words = threading.Event()
    partials: list[Any] = []

    def on_partial(item: Any) -> None:
        partials.append(item)
        first_words.set()

    spec = JobSpec("text-generation", ("hello world",), str(models["generate"]),
                   {"max_new_tokens": 5000, "temperature": 0})
    job = JobThread(spec, JobControl(on_partial=on_partial), cache)
    job.start()
    cancelled_at = _cancel_when(first_words, job)
    job.join(60)
    assert job.outcome is not None and job.outcome.state is JobState.CANCELLED
    from engine.runners.generation import WRITER

    assert not WRITER.busy  # the model stopped writing; its kept thread waits for the next
    assert not any(t.name == "pipedeck-generate" for t in threading.enumerate())
    final = [p.payload for p in partials if p.payload and "text" in p.payload]
    assert final and final[-1]["stopped"] is True  # the words so far are kept
    latency = job.ended_at - cancelled_at
    print(f"cancel latency, generation, mid-text: {latency * 1000:.0f} ms")
    assert latency < 5.0  # milliseconds when idle (see the notes); seconds only under load
    _rerun_on_same_cache(cache, JobSpec("text-generation", ("hello",), str(models["generate"]),
                                        {"max_new_tokens": 3, "temperature": 0}))
