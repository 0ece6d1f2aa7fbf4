"""Two hundred small jobs in one process: memory, threads and open files stay flat.

A desktop app runs job after job for hours in one process, with a cache of two models and
one job store, so anything a job leaves behind (a tensor, a thread, a file handle, a
subprocess pipe, a PDF document) adds up. Five tasks with tiny real models take turns in
blocks (so models are evicted and loaded again through the cache, about thirty times), including
Tesseract runs and PDF pages. The first ten jobs use every task once or twice, so every
library is imported and warm before the reference figures are taken.
"""

from __future__ import annotations

import gc
import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from engine.jobs import JobSpec, JobState, run_job
from engine.models import PipelineCache
from engine.progress import JobControl
from engine.store import JobStore
from tests import invoices
from tests.speech_fixtures import media_dir

JOBS = 200
BLOCK = 10


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def _specs(tmp_path: Path) -> dict[str, JobSpec]:
    from PIL import Image, ImageDraw, ImageFont

    from tests.tiny.layoutlm import layoutlm_docqa
    from tests.tiny.text import tiny_lm, tiny_nli
    from tests.tiny.vision import tiny_vit
    from tests.tiny.whisper import whisper_tiny_random

    photo = tmp_path / "photo.png"
    Image.new("RGB", (48, 48), (10, 120, 200)).save(photo)
    note = tmp_path / "receipt.png"  # small, so its OCR is quick but real
    page = Image.new("RGB", (600, 160), "white")
    ImageDraw.Draw(page).text((20, 60), "Invoice number INV-77 total 12.50", fill="black",
                              font=ImageFont.load_default(size=24))
    page.save(note)
    question = {"questions": ["What is the invoice number?"]}
    return {
        "image": JobSpec("image-classification", (str(photo),), str(tiny_vit()), {"top_k": 3}),
        "zero-shot": JobSpec("zero-shot-classification", ("my phone battery broke",),
                             str(tiny_nli()), {"candidate_labels": "phone, sports"}),
        "generate": JobSpec("text-generation", ("hello world",), str(tiny_lm()),
                            {"max_new_tokens": 4, "temperature": 0}),
        "transcribe": JobSpec("automatic-speech-recognition",
                              (str(media_dir() / "speech.wav"),), str(whisper_tiny_random()),
                              {"max_new_tokens": 2}),
        "docqa": JobSpec("document-question-answering",
                         (str(invoices.text_layer_pdf()), str(note)), str(layoutlm_docqa()),
                         question),
    }


def _schedule() -> list[str]:
    """Every task in the first ten jobs, then blocks of five per task, in turn."""
    tasks = ["image", "zero-shot", "generate", "transcribe", "docqa"]
    order = tasks + tasks
    while len(order) < JOBS:
        for task in tasks:
            order += [task] * BLOCK
    return order[:JOBS]


@pytest.mark.soak
@pytest.mark.timeout(600)
def test_two_hundred_jobs_leave_memory_threads_and_files_flat(
        tmp_path: Path, pipedeck_home: Path) -> None:
    specs = _specs(tmp_path)
    cache = PipelineCache(capacity=2)
    store = JobStore(pipedeck_home / "jobs.sqlite3")
    reference: dict[str, float] = {}
    started = time.monotonic()
    for number, task in enumerate(_schedule(), start=1):
        results: list[Any] = []
        outcome = run_job(specs[task], JobControl(on_partial=results.append), cache, store)
        assert outcome.state is JobState.DONE and outcome.errors == 0, (task, outcome)
        assert any(r.payload for r in results), task
        if number == 10:
            gc.collect()
            reference = {"rss": _rss_mb(), "fds": _open_fds(),
                         "threads": threading.active_count()}
    gc.collect()
    final = {"rss": _rss_mb(), "fds": _open_fds(), "threads": threading.active_count()}
    elapsed = time.monotonic() - started
    print(f"soak: {JOBS} jobs in {elapsed:.0f} s, {cache.loads} model loads; RSS "
          f"{reference['rss']:.0f} -> {final['rss']:.0f} MB "
          f"(x{final['rss'] / reference['rss']:.3f}); fds {reference['fds']:.0f} -> "
          f"{final['fds']:.0f}; threads {reference['threads']:.0f} -> {final['threads']:.0f}")
    assert all(job.state == "done" for job in store.jobs(limit=JOBS + 10))
    assert len(store.jobs(limit=JOBS + 10)) == JOBS
    assert final["rss"] / reference["rss"] <= 1.1
    assert final["fds"] <= reference["fds"]
    assert final["threads"] <= reference["threads"]
