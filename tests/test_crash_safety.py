"""A killed process loses nothing it reported, and a resumed job does not redo finished work.

A child process runs a real job (tiny Whisper over a recording of five pieces of speech,
or the tiny LayoutLM over a folder of invoices) through ``run_job`` with the job store in
a temporary Pipedeck home, printing each partial result as the user would see it. The test
polls the SQLite store and SIGKILLs the child once a few results are committed: no
clean-up code runs, as after a power cut or the OOM killer. Reopening the store must show
the job "interrupted" with every reported result; resuming it in this process must run the
pipeline only for the pieces or documents that were missing, and end "done".

Exports get the same treatment: a child killed in the middle of ``atomic_write`` leaves
the target as it was (absent, or the previous complete file), never half a file.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
import wave
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from engine.inputs import expand_inputs
from engine.jobs import ItemResult, JobSpec, JobState, run_job
from engine.models import ModelKey, PipelineCache
from engine.progress import JobControl
from engine.store import JobStore, default_store_path
from engine.tasks import DOCUMENT_EXTENSIONS
from tests import invoices
from tests.speech_fixtures import media_dir

REPO = Path(__file__).resolve().parent.parent
PIECES = 5

CHILD = textwrap.dedent("""
    import json, sys
    from engine.jobs import JobSpec, run_job
    from engine.models import PipelineCache
    from engine.progress import JobControl
    from engine.store import JobStore, default_store_path

    raw = json.loads(sys.argv[1])
    spec = JobSpec(raw["task"], tuple(raw["inputs"]), raw["model"], raw["params"])

    def on_partial(item):  # the store has committed it before the user is told
        payload = item.payload or {}
        print(json.dumps({"index": item.index, "piece": payload.get("piece"),
                          "has_payload": item.payload is not None}), flush=True)

    outcome = run_job(spec, JobControl(on_partial=on_partial), PipelineCache(1),
                      JobStore(default_store_path()))
    print(json.dumps({"finished": outcome.state.value}), flush=True)
""")


class SpyCache(PipelineCache):
    """The real cache handing out the real pipelines, counting each call made to them."""

    def __init__(self) -> None:
        super().__init__(capacity=1)
        self.calls = 0

    def get(self, key: ModelKey) -> Any:
        return _Counting(super().get(key), self)


class _Counting:
    def __init__(self, pipe: Any, owner: SpyCache) -> None:
        self._pipe = pipe
        self._owner = owner

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self._owner.calls += 1
        return self._pipe(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pipe, name)


def _committed(store_path: Path) -> int:
    """Results with a payload committed so far, read as another process would."""
    if not store_path.exists():
        return 0
    conn = sqlite3.connect(store_path, timeout=5)
    try:
        (count,) = conn.execute(
            "SELECT count(*) FROM results WHERE payload IS NOT NULL").fetchone()
        return int(count)
    except sqlite3.OperationalError:  # tables not created yet
        return 0
    finally:
        conn.close()


def _kill_after(spec: dict[str, Any], wanted: int, home: Path) -> tuple[list[dict[str, Any]], int]:
    """Run the child until ``wanted`` results are committed, SIGKILL it; its reports and count."""
    env = {**os.environ, "PIPEDECK_HOME": str(home), "PYTHONUNBUFFERED": "1",
           "PYTHONPATH": str(REPO)}
    home.mkdir(parents=True, exist_ok=True)
    log = (home / "child-stderr.txt").open("w+", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", CHILD, json.dumps(spec)], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=log, text=True)
    store_path = default_store_path()
    deadline = time.monotonic() + 240
    try:
        while _committed(store_path) < wanted:
            assert proc.poll() is None, f"the job ended before the kill: {_tail(log)}"
            assert time.monotonic() < deadline, "no results in time"
            time.sleep(0.02)  # polling the store, not waiting for a guess
        committed = _committed(store_path)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        out, _ = proc.communicate(timeout=30)
        log.close()
    assert proc.returncode == -signal.SIGKILL
    reports = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert not any("finished" in r for r in reports), "the job finished before the kill"
    return reports, committed


def _tail(log: Any) -> str:
    log.seek(0)
    return str(log.read())[-2000:]


def _pieces_of_speech(folder: Path) -> Path:
    """``PIECES`` sentences of real speech, 6 s of silence between: one piece each."""
    with wave.open(str(media_dir() / "short-mono.wav"), "rb") as handle:
        rate = handle.getframerate()
        speech = np.frombuffer(handle.readframes(handle.getnframes()), dtype=np.int16)
    gap = np.zeros(6 * rate, np.int16)
    parts = [gap[: rate // 2]]
    for _ in range(PIECES):
        parts += [speech, gap]
    path = folder / "meeting recording.wav"
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(rate)
        handle.writeframes(np.concatenate(parts).tobytes())
    return path


def _resume(store: JobStore, job_id: int) -> tuple[Any, SpyCache, list[ItemResult]]:
    """Resume as the GUI's worker does: the spec is rebuilt from the stored job."""
    record = store.job(job_id)
    spec = JobSpec(task=record.task, inputs=tuple(record.inputs), model=record.model,
                   params=record.params, device=record.device, dtype=record.dtype)
    cache = SpyCache()
    partials: list[ItemResult] = []
    outcome = run_job(spec, JobControl(on_partial=partials.append), cache, store,
                      resume_job=job_id)
    return outcome, cache, partials


@pytest.mark.timeout(400)
def test_killed_transcription_keeps_its_pieces_and_resumes_without_redoing_them(
        tmp_path: Path, pipedeck_home: Path) -> None:
    from tests.tiny.whisper import whisper_tiny_random

    recording = _pieces_of_speech(tmp_path)
    spec = {"task": "automatic-speech-recognition", "inputs": [str(recording)],
            "model": str(whisper_tiny_random()), "params": {"max_new_tokens": 5}}
    reports, committed = _kill_after(spec, 2, pipedeck_home)
    reported = {r["piece"] for r in reports if r["has_payload"]}
    assert len(reported) >= 2

    store = JobStore(default_store_path())
    (job,) = store.jobs()
    assert job.state == "interrupted"
    saved = [r.payload["piece"] for r in store.results(job.id) if r.payload]
    assert reported <= set(saved) and len(saved) >= committed  # nothing reported was lost
    assert len(saved) == len(set(saved)) < PIECES

    outcome, cache, partials = _resume(store, job.id)
    assert outcome.state is JobState.DONE, outcome.message
    assert store.job(job.id).state == "done"
    new = [p.payload["piece"] for p in partials if p.payload]
    assert not set(new) & set(saved)  # finished pieces are not transcribed again
    assert cache.calls == len(new) == PIECES - len(saved)
    pieces = [r.payload["piece"] for r in store.results(job.id) if r.payload]
    assert sorted(pieces) == list(range(PIECES))  # each piece exactly once, none missing
    assert [r.complete for r in store.results(job.id)].count(True) == 1


@pytest.mark.timeout(400)
def test_killed_document_job_keeps_finished_documents_and_resumes_the_rest(
        tmp_path: Path, pipedeck_home: Path) -> None:
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is needed to read the scanned invoices")
    from tests.tiny.layoutlm import layoutlm_docqa

    folder = tmp_path / "invoices"
    folder.mkdir()
    for name, make in (("01 text.pdf", invoices.text_layer_pdf),
                       ("02 text.pdf", invoices.text_layer_pdf),
                       ("03 classic.png", invoices.classic_png),
                       ("04 modern.png", invoices.modern_png),
                       ("05 rotated.pdf", invoices.rotated_text_pdf),
                       ("06 text.pdf", invoices.text_layer_pdf)):
        shutil.copy(make(), folder / name)
    inputs = expand_inputs([str(folder)], DOCUMENT_EXTENSIONS)
    questions = ["What is the invoice number?", "What is the total?"]
    spec = {"task": "document-question-answering", "inputs": inputs,
            "model": str(layoutlm_docqa()), "params": {"questions": questions}}
    reports, _ = _kill_after(spec, 2, pipedeck_home)
    reported = {r["index"] for r in reports if r["has_payload"]}

    store = JobStore(default_store_path())
    (job,) = store.jobs()
    assert job.state == "interrupted"
    saved = [r.item for r in store.results(job.id) if r.payload]
    assert reported <= set(saved) and len(saved) == len(set(saved)) < len(inputs)

    outcome, cache, partials = _resume(store, job.id)
    assert outcome.state is JobState.DONE, outcome.message
    redone = {p.index for p in partials if p.payload}
    assert redone == set(range(len(inputs))) - set(saved)
    # One pipeline call per question per page, only for the documents not yet answered.
    assert cache.calls == len(redone) * len(questions)
    answered = [r.item for r in store.results(job.id) if r.payload]
    assert sorted(answered) == list(range(len(inputs)))


EXPORTER = textwrap.dedent("""
    import sys
    from engine.atomic import atomic_write

    with atomic_write(sys.argv[1], "w") as handle:
        for row in range(10**8):  # a large export, written row by row
            handle.write(f"{row},invoice {row},1234.50,EUR," + "x" * 200 + "\\n")
            if row == 2000:
                handle.flush()
                print("writing", flush=True)
""")


@pytest.mark.parametrize("existing", [False, True], ids=["new-file", "replacing-a-file"])
def test_kill_during_an_export_leaves_no_half_written_file(tmp_path: Path,
                                                            existing: bool) -> None:
    target = tmp_path / "answers.csv"
    old = "input,answer\ninvoice.pdf,INV-1\n"
    if existing:
        target.write_text(old, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", EXPORTER, str(target)], cwd=REPO,
                            stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "writing"
    parts = list(tmp_path.glob(".answers.csv.*.part"))
    assert parts and parts[0].stat().st_size > 0  # the export is really under way
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    if existing:
        assert target.read_text(encoding="utf-8") == old  # the previous file, intact
    else:
        assert not target.exists()
    # What a crash leaves behind is a hidden partial file beside it, never the target.
    assert all(p.name.startswith(".") and p.name.endswith(".part")
               for p in tmp_path.iterdir() if p != target)
