"""The headless CLI: same engine, documented exit codes, JSON on stdout."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from engine.cli import main

PIPEDECK = str(Path(sys.executable).parent / "pipedeck")


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_classify_image_prints_json_and_exits_3_naming_the_unreadable_file(
        vit_model: Path, images: dict[str, Path]) -> None:
    code, out, err = run_cli("classify-image", str(images["red square.png"]),
                             str(images["notes.png"]), "--top-k", "2", "--json",
                             "--model", str(vit_model))
    assert code == 3
    data = json.loads(out)
    assert data["task"] == "image-classification"
    good, bad = data["results"]
    assert len(good["result"]["labels"]) == 2 and good["error"] is None
    assert bad["error"] == "could not read 'notes.png': not an image"
    assert "notes.png" in err


def test_a_folder_is_expanded_to_its_images(vit_model: Path, images: dict[str, Path]) -> None:
    code, out, _ = run_cli("classify-image", str(images["blue.webp"].parent), "--json",
                           "--model", str(vit_model))
    inputs = {Path(r["input"]).name for r in json.loads(out)["results"]}
    assert {"red square.png", "grün.jpg", "blue.webp", "bomb.png"} <= inputs
    assert code == 3


def test_zero_shot_reads_texts_from_a_file_and_writes_csv(
        nli_model: Path, tmp_path: Path) -> None:
    texts = tmp_path / "texts.txt"
    texts.write_text("my phone broke\n\nsports today\n", encoding="utf-8")
    code, out, err = run_cli("zero-shot", "--file", str(texts), "--labels", "phone,sports",
                             "--multi-label", "--model", str(nli_model), "--output",
                             str(tmp_path / "out"))
    assert code == 0, err
    assert "my phone broke" in out and "sports today" in out
    import csv

    rows = list(csv.DictReader((tmp_path / "out" / "zero-shot.csv").open(encoding="utf-8")))
    assert len(rows) == 4 and {r["label"] for r in rows} == {"phone", "sports"}


def test_usage_errors_exit_2() -> None:
    assert run_cli("zero-shot", "some text", "--labels", "", "--model", "x")[0] == 2
    assert run_cli("classify-image")[0] == 2
    with pytest.raises(SystemExit) as exit_info:
        run_cli("classify-image", "--top-k")
    assert exit_info.value.code == 2


def test_missing_model_exits_4_in_one_sentence(images: dict[str, Path], tmp_path: Path) -> None:
    code, _, err = run_cli("classify-image", str(images["blue.webp"]), "--model",
                           str(tmp_path / "no-model"))
    assert code == 4
    assert err.strip() == f"pipedeck: The model folder '{tmp_path / 'no-model'}' does not exist."


def test_console_script_runs_headless_without_a_display(
        vit_model: Path, images: dict[str, Path], pipedeck_home: Path) -> None:
    env = {**os.environ, "PIPEDECK_HOME": str(pipedeck_home)}
    env.pop("DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)
    proc = subprocess.run([PIPEDECK, "classify-image", str(images["grün.jpg"]), "--model",
                           str(vit_model), "--json"], capture_output=True, text=True, env=env,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["results"][0]["result"]["labels"]
    assert "Traceback" not in proc.stderr


def test_ctrl_c_cancels_cleanly_with_exit_130(lm_model: Path, pipedeck_home: Path) -> None:
    env = {**os.environ, "PIPEDECK_HOME": str(pipedeck_home), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([PIPEDECK, "generate", "hello", "--model", str(lm_model),
                             "--max-new-tokens", "8192", "--temperature", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    from engine.store import JobStore

    store_path = pipedeck_home / "data" / "jobs.sqlite3"
    import time

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:  # wait until the job is really generating
        if store_path.exists() and any(j.state == "running" for j in JobStore(store_path).jobs()):
            break
        time.sleep(0.2)
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
