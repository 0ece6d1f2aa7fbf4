"""Offline means offline: with HF_HUB_OFFLINE=1 no connection is even attempted."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

SHA = "0123456789abcdef0123456789abcdef01234567"

SCRIPT = textwrap.dedent("""
    import json, socket, sys
    attempts = []
    def refuse(*args, **kwargs):
        attempts.append(repr(args[1:] if len(args) > 1 else args))
        raise OSError("network blocked by the test")
    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    from engine.jobs import JobSpec, run_job
    from engine.models import PipelineCache
    from engine.progress import JobControl
    cache = PipelineCache()
    results = {}
    for task, model, inputs, params in json.loads(sys.argv[1]):
        outcome = run_job(JobSpec(task, tuple(inputs), model, params), JobControl(), cache)
        results[task] = [outcome.state.value, outcome.message]
    missing = run_job(JobSpec("classify-image", tuple(json.loads(sys.argv[1])[0][2]),
                              "someone/never-downloaded"), JobControl(), cache)
    results["missing"] = [missing.state.value, missing.message]
    print(json.dumps({"results": results, "attempts": attempts}))
""")


def _cache_repo(cache: Path, repo_id: str, folder: Path) -> None:
    """Lay a model out exactly as huggingface_hub's cache does (refs + snapshot)."""
    repo = cache / ("models--" + repo_id.replace("/", "--"))
    shutil.copytree(folder, repo / "snapshots" / SHA)
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text(SHA)


def test_cached_models_run_with_every_socket_blocked(
        tmp_path: Path, vit_model: Path, nli_model: Path, images: dict[str, Path]) -> None:
    cache = tmp_path / "hf-cache"
    _cache_repo(cache, "pipedeck/tiny-vit", vit_model)
    _cache_repo(cache, "pipedeck/tiny-nli", nli_model)
    jobs = [["image-classification", "pipedeck/tiny-vit", [str(images["grün.jpg"])], {}],
            ["zero-shot-classification", "pipedeck/tiny-nli", ["my phone broke"],
             {"candidate_labels": "phone, sports"}]]
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_HUB_CACHE": str(cache),
           "HF_HOME": str(tmp_path / "hf-home"), "PIPEDECK_HOME": str(tmp_path / "home")}
    proc = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(jobs)], env=env,
                          capture_output=True, text=True, timeout=300,
                          cwd=Path(__file__).resolve().parent.parent)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["results"]["image-classification"] == ["done", ""]
    assert report["results"]["zero-shot-classification"] == ["done", ""]
    assert report["results"]["missing"] == [
        "failed", "The model someone/never-downloaded is not downloaded and you are offline."]
    assert report["attempts"] == []
