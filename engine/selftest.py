"""``pipedeck --self-test``: prove an installed copy can run every task, offline.

A frozen bundle can start and still be broken: a Qt plugin, a transformers sub-module,
a PyAV codec or a data file left out by the packager only shows when a job runs. So the
self-test runs one real job per task through :func:`engine.jobs.run_job` (the same path
the window and the CLI take), on tiny random models built on the spot
(:mod:`engine.selftest_models`) and the sample inputs shipped in ``resources/samples``.
It never touches the network or the user's history, prints one line per task and exits 0
only if every task that could run brought its results back.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from engine.paths import resource

EXIT_FAILED = 1


@dataclass(frozen=True, slots=True)
class Case:
    """One task's self-test job: its inputs and parameters (models come from the builder)."""

    task: str
    inputs: Callable[[], tuple[str, ...]]
    params: dict[str, Any]
    needs: Callable[[], str] | None = None
    """Returns why the case cannot run here ("" when it can): an optional external tool."""


def _sample(name: str) -> str:
    return str(resource("samples", name))


def _texts() -> tuple[str, ...]:
    lines = Path(_sample("texts.txt")).read_text(encoding="utf-8").splitlines()
    return tuple(line for line in lines if line.strip())


def _needs_tesseract() -> str:
    from engine.ocr import tesseract_available

    if tesseract_available():
        return ""
    return "Tesseract OCR is not installed (the bundle looks in tesseract/ beside the app first)"


def _needs_runner(module: str) -> Callable[[], str]:
    def check() -> str:
        try:
            __import__(module)
        except ImportError as exc:
            return f"{module} is not available ({exc})"
        return ""

    return check


CASES: tuple[Case, ...] = (
    Case("automatic-speech-recognition", lambda: (_sample("speech.wav"),),
         {"max_new_tokens": 8}, _needs_runner("engine.speech")),
    Case("document-question-answering", lambda: (_sample("invoice.png"),),
         {"questions": ["What is the invoice number?"], "top_k": 1}, _needs_tesseract),
    Case("image-classification", lambda: (_sample("landscape.png"),), {"top_k": 3}),
    Case("zero-shot-classification", _texts,
         {"candidate_labels": "urgent, not urgent, phone"}),
    Case("text-generation", lambda: ("Say hello to the self test.",),
         {"max_new_tokens": 8, "temperature": 0.0}),
    Case("text-classification", _texts, {"top_k": 2}),
    Case("token-classification", lambda: ("Hello world, this is the pipedeck self test.",),
         {}),
    Case("fill-mask", lambda: ("The self test is [MASK] today.",), {"top_k": 3}),
    Case("feature-extraction", _texts, {}),
)


def _go_offline() -> None:
    """Before transformers is imported: nothing may reach the network, even by accident."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


def _quiet() -> None:
    """Only the self-test's own lines on screen: no progress bars or backend notices."""
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]


def _versions() -> str:
    import torch
    import transformers

    return (f"Python {platform.python_version()}, torch {torch.__version__}, "
            f"transformers {transformers.__version__}, "
            f"{'frozen' if getattr(sys, 'frozen', False) else 'from source'}")


def run_case(case: Case, models: Path, store_path: Path) -> tuple[bool, str]:
    """Run ``case`` as a real job; (ok, detail)."""
    from engine.jobs import ItemResult, JobSpec, JobState, run_job
    from engine.models import PipelineCache
    from engine.progress import JobControl
    from engine.selftest_models import build
    from engine.store import JobStore

    model = build(case.task, models)
    inputs = case.inputs()
    payloads: dict[int, int] = {}
    errors: list[str] = []

    def on_partial(result: ItemResult) -> None:
        if result.error:
            errors.append(result.error)
        elif result.payload is not None:
            payloads[result.index] = payloads.get(result.index, 0) + 1

    store = JobStore(store_path)
    try:
        outcome = run_job(JobSpec(task=case.task, inputs=inputs, model=str(model),
                                  params=case.params), JobControl(on_partial=on_partial),
                          PipelineCache(capacity=1), store)
        saved = len(store.results(outcome.job_id)) if outcome.job_id is not None else 0
    finally:
        store.close()
    if outcome.state is not JobState.DONE:
        return False, outcome.message or outcome.state.value
    if errors:
        return False, errors[0]
    missing = [inputs[i] for i in range(len(inputs)) if not payloads.get(i)]
    if missing:
        return False, f"no result for {Path(missing[0]).name}"
    if saved == 0:
        return False, "results were not saved to the job store"
    count = sum(payloads.values())
    return True, f"{len(inputs)} input(s), {count} result(s)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pipedeck --self-test",
        description="Run one job per task on tiny offline models and the built-in samples.")
    parser.add_argument("--only", action="append", default=None, metavar="TASK",
                        help="run only this task (id or alias; repeat for several)")
    parser.add_argument("--models", type=Path, default=None, metavar="DIR",
                        help="build the tiny models here and keep them (default: a temporary "
                             "folder, removed afterwards)")
    return parser


def main(argv: Sequence[str] = (), *, out: TextIO | None = None) -> int:
    """Run the self-test; 0 when every runnable task's results came back, 1 otherwise."""
    stream = out or sys.stdout
    args = _parser().parse_args(list(argv))
    _go_offline()
    from engine.errors import EXIT_USAGE, UsageError
    from engine.tasks import get_task

    try:
        wanted = {get_task(name).id for name in args.only} if args.only else None
    except UsageError as exc:
        print(f"pipedeck: {exc}", file=sys.stderr)
        return EXIT_USAGE
    scratch = Path(tempfile.mkdtemp(prefix="pipedeck-selftest-"))
    # the job store and logs of the self-test must never mix with the user's own
    home_before = os.environ.get("PIPEDECK_HOME")
    os.environ["PIPEDECK_HOME"] = str(scratch / "home")
    models = args.models or scratch / "models"
    failures = 0
    try:
        _quiet()
        print(f"Pipedeck self-test ({_versions()})", file=stream, flush=True)
        from engine.tasks import all_tasks, available_tasks

        supported = {task.id for task in available_tasks()}
        cases = {case.task: case for case in CASES}
        for task in all_tasks():
            if wanted is not None and task.id not in wanted:
                continue
            name = f"{task.name} ({task.id})"
            case = cases.get(task.id)
            if case is None:
                print(f"SKIP  {name}: no tiny model for this task yet", file=stream, flush=True)
                continue
            why_not = case.needs() if case.needs else ""
            if not why_not and case.task not in supported:
                why_not = "this transformers version has no such pipeline"
            if why_not:
                print(f"SKIP  {name}: {why_not}", file=stream, flush=True)
                continue
            started = time.monotonic()
            try:
                ok, detail = run_case(case, models, scratch / "jobs.sqlite3")
            except Exception as exc:  # a broken bundle fails in ways no job expects
                ok, detail = False, f"{type(exc).__name__}: {exc}"
            seconds = time.monotonic() - started
            print(f"{'OK  ' if ok else 'FAIL'}  {name}: {detail} ({seconds:.1f} s)",
                  file=stream, flush=True)
            failures += not ok
    finally:
        if home_before is None:
            os.environ.pop("PIPEDECK_HOME", None)
        else:
            os.environ["PIPEDECK_HOME"] = home_before
        shutil.rmtree(scratch, ignore_errors=True)
    print("Self-test passed." if not failures else f"Self-test failed: {failures} task(s).",
          file=stream, flush=True)
    return EXIT_FAILED if failures else 0
