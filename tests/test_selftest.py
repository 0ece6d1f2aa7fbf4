"""``pipedeck --self-test`` from a checkout: what the packaged app runs to prove it works."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from engine.selftest import CASES
from engine.tasks import all_tasks

REPO_ROOT = Path(__file__).resolve().parent.parent


def _pipedeck() -> list[str]:
    """The installed console script when there is one, else the same entry point by module."""
    script = Path(sys.executable).parent / "pipedeck"
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "gui.launcher"]


MAIN_TASKS = {"automatic-speech-recognition", "document-question-answering",
              "image-classification", "zero-shot-classification", "text-generation"}
# need no external tool, so they run wherever the self-test does
ALWAYS = {"image-classification", "zero-shot-classification", "text-generation",
          "text-classification", "token-classification", "fill-mask", "feature-extraction"}


def test_self_test_covers_the_main_tasks() -> None:
    assert {case.task for case in CASES} >= MAIN_TASKS
    assert {case.task for case in CASES} <= {task.id for task in all_tasks()}


def test_samples_are_shipped_small() -> None:
    samples = REPO_ROOT / "resources" / "samples"
    for name in ("speech.wav", "invoice.png", "landscape.png", "texts.txt"):
        assert (samples / name).is_file(), name
    assert (samples / "speech.wav").stat().st_size < 100_000


@pytest.mark.timeout(600)
def test_self_test_runs_every_task_offline_and_exits_zero(tmp_path: Path) -> None:
    env = dict(os.environ, PIPEDECK_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen",
               HF_HOME=str(tmp_path / "hf"), HF_ENDPOINT="http://127.0.0.1:9")
    done = subprocess.run([*_pipedeck(), "--self-test"], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=580)
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    for task in all_tasks():
        line = next((line for line in lines if f"({task.id})" in line), None)
        assert line is not None, f"no line for {task.id}:\n{done.stdout}"
        assert line.startswith(("OK", "SKIP")), line
    ran = {task for task in MAIN_TASKS | ALWAYS
           if any(line.startswith("OK") and f"({task})" in line for line in lines)}
    # speech and document QA may be skipped only where their tools are missing
    assert ran >= ALWAYS
    assert lines[-1] == "Self-test passed."
    assert not any(line.startswith("FAIL") for line in lines)
    # nothing written to the user's Pipedeck home: the self-test keeps its own
    assert not (tmp_path / "home" / "data").exists()
