"""The model picker's engine against a fake Hub on loopback, through the real client.

``huggingface_hub`` itself is never mocked: the fake server in ``tests/fakehub.py`` answers
its HTTP calls, and downloaded models are loaded by the real ``transformers.pipeline`` in
a subprocess with ``HF_HUB_OFFLINE=1`` (those constants are read at import time).
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from engine.cache import (
    NotEnoughDiskSpace,
    _ByteProgress,
    download_model,
    installed_models,
    remove_model,
)
from engine.errors import Cancelled, ModelUnavailable, PipedeckError
from engine.hub import (
    OFFLINE_MESSAGE,
    GatedModel,
    HubConfig,
    OfflineError,
    PickleOnlyModel,
    estimate_memory,
    fit_hint,
    human_count,
    human_duration,
    human_size,
    model_details,
    pipeline_files,
    search_models,
)
from engine.progress import JobControl, Progress
from tests.fakehub import FakeHub, standard_repos

ROOT = Path(__file__).resolve().parents[1]
BERT = "tiny/bert-sentiment"
VIT = "tiny/vit-animals"

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def config(hub: FakeHub, tmp_path: Path) -> HubConfig:
    return HubConfig(endpoint=hub.url, cache_dir=tmp_path / "hub-cache", timeout_s=5)


def _control(events: list[Progress] | None = None) -> JobControl:
    sink = events.append if events is not None else (lambda _: None)
    return JobControl(on_progress=sink, min_interval_s=0)


def _closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


# --- search -------------------------------------------------------------------------------

def test_search_finds_models_by_name_most_downloaded_first(config: HubConfig) -> None:
    found = search_models("bert", config=config)
    assert [m.id for m in found] == [BERT, "gated/bert-sentiment", "legacy/bert-sentiment-bin"]
    top = found[0]
    assert top.downloads_str == "1.2 M downloads"
    assert top.likes_str == "420 likes"
    assert top.license == "apache-2.0"
    assert top.pipeline_tag == "text-classification"
    assert top.parameters is not None and top.size_bytes == top.parameters * 4
    assert top.size_str == "1.71 MB"
    assert top.url == f"{config.resolved_endpoint}/{BERT}"
    assert found[1].gated and not top.gated


def test_search_sorts_by_likes_trending_and_update_date(config: HubConfig) -> None:
    def ids(sort: str) -> list[str]:
        return [m.id for m in search_models("", sort=sort, limit=3, config=config)]  # type: ignore[arg-type]

    assert ids("likes") == [VIT, BERT, "other/sentiment-fr-0"]
    assert ids("trending")[0] == VIT
    assert ids("updated") == ["other/sentiment-fr-3", "other/sentiment-en-2",
                              "other/sentiment-de-1"]


def test_search_filters_by_task_and_language(config: HubConfig) -> None:
    images = search_models("", task="image-classification", config=config)
    assert {m.id for m in images} == {VIT, "other/sentiment-en-2"}
    french = search_models("sentiment", language="fr", config=config)
    assert {m.id for m in french} == {"other/sentiment-fr-0", "other/sentiment-fr-3"}
    assert search_models("no-such-model", config=config) == []


def test_search_pages_follow_the_hubs_link_header(hub: FakeHub, config: HubConfig) -> None:
    everything = [m.id for m in search_models("", limit=50, config=config)]
    hub.page_size = 2
    second = [m.id for m in search_models("", limit=3, page=1, config=config)]
    assert second == everything[3:6]
    assert sum(path == "/api/models" for _, path in hub.requests) >= 3


def test_details_show_card_files_and_only_what_a_download_fetches(config: HubConfig) -> None:
    details = model_details(BERT, config=config)
    assert details.card_markdown.startswith(f"# {BERT}")  # YAML header stripped
    sizes = {f.path: f.size for f in details.files}
    assert sizes["pytorch_model.bin"] and sizes["model.safetensors"]
    assert "pytorch_model.bin" not in details.download_files
    assert "model.safetensors" in details.download_files
    assert details.license == "apache-2.0" and details.task == "text-classification"
    assert details.parameters and details.download_bytes < sum(s or 0 for s in sizes.values())
    assert not details.needs_pickle_consent
    assert model_details("legacy/bert-sentiment-bin", config=config).needs_pickle_consent
    gated = model_details("gated/bert-sentiment", config=config)
    assert gated.summary.gated and gated.card_markdown == ""  # its files need the licence


def test_unknown_model_is_reported_in_one_sentence(config: HubConfig) -> None:
    with pytest.raises(ModelUnavailable, match="'nobody/nothing' is not on the Hub"):
        model_details("nobody/nothing", config=config)
    with pytest.raises(ModelUnavailable, match="not on the Hub"):
        download_model("nobody/nothing", control=_control(), config=config)


# --- download -----------------------------------------------------------------------------

_LOAD_OFFLINE = textwrap.dedent("""
    import json, sys
    from PIL import Image
    from transformers import pipeline
    text = pipeline("text-classification", model="tiny/bert-sentiment")
    image = pipeline("image-classification", model="tiny/vit-animals")
    folder = pipeline("text-classification", model=sys.argv[1])
    print(json.dumps({"text": text("a good movie"), "folder": folder("bad food"),
                      "image": image(Image.new("RGB", (40, 30), "red"))}))
""")


def test_downloaded_models_load_offline_in_transformers_without_pickles(
        hub: FakeHub, config: HubConfig) -> None:
    bert = download_model(BERT, control=_control(), config=config)
    download_model(VIT, control=_control(), config=config)
    assert hub.downloaded(".safetensors") and not hub.downloaded(".bin")
    assert not (bert / "pytorch_model.bin").exists()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_HUB_CACHE": str(config.cache_dir),
           "PYTHONPATH": str(ROOT), "HF_ENDPOINT": _closed_port_url()}
    before = len(hub.requests)
    done = subprocess.run([sys.executable, "-c", _LOAD_OFFLINE, str(bert)], env=env,
                          capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["text"][0]["label"] in {"NEGATIVE", "POSITIVE"}
    assert result["folder"][0]["label"] in {"NEGATIVE", "POSITIVE"}
    assert {r["label"] for r in result["image"]} <= {"cat", "dog", "bird"}
    assert len(hub.requests) == before


def test_download_reports_bytes_speed_and_time_left(hub: FakeHub, config: HubConfig) -> None:
    hub.throttle_bps = 1_500_000
    events: list[Progress] = []
    download_model(BERT, control=_control(events), config=config)
    fractions = [e.fraction for e in events if e.fraction is not None]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert len(fractions) >= 4
    midway = [e.message for e in events if e.fraction is not None and 0 < e.fraction < 1]
    shape = re.compile(r"^[\d.]+ (B|kB|MB) of 1\.74 MB, [\d.]+ (B|kB|MB)/s, (\d+:)?\d+:\d\d left$")
    assert any(shape.match(m) for m in midway), midway


def test_download_speed_is_the_recent_rate_not_the_average_since_start() -> None:
    now = [0.0]
    reports: list[str] = []

    class Control:
        def report(self, fraction: float | None, message: str) -> None:
            reports.append(message)

    progress = _ByteProgress(Control(), total=100_000_000,  # type: ignore[arg-type]
                             clock=lambda: now[0])
    now[0] = 30.0  # half a minute of metadata requests before the first byte
    assert progress.message(1) == "1 B of 100 MB"
    for second in range(1, 11):  # then 1 MB/s for ten seconds
        now[0] = 30.0 + second
        text = progress.message(1 + second * 1_000_000)
    assert text == "10 MB of 100 MB, 1 MB/s, 1:30 left"
    for second in range(11, 21):  # the link slows to 200 kB/s
        now[0] = 30.0 + second
        text = progress.message(10_000_001 + (second - 10) * 200_000)
    assert text.endswith(", 200 kB/s, 7:20 left"), text


def _download_in_thread(control: JobControl, config: HubConfig,
                        ) -> tuple[threading.Thread, queue.Queue[object]]:
    results: queue.Queue[object] = queue.Queue()

    def run() -> None:
        try:
            results.put(download_model(BERT, control=control, config=config))
        except BaseException as error:
            results.put(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, results


def test_cancel_stops_a_download_within_a_second_and_keeps_finished_files(
        hub: FakeHub, config: HubConfig) -> None:
    hub.throttle_bps = 600_000
    started = threading.Event()
    control = JobControl(
        on_progress=lambda p: started.set() if p.fraction and p.fraction > 0.2 else None,
        min_interval_s=0)
    thread, results = _download_in_thread(control, config)
    assert started.wait(30)
    cancelled_at = time.monotonic()
    control.cancel()
    outcome = results.get(timeout=10)
    assert isinstance(outcome, Cancelled)
    assert time.monotonic() - cancelled_at < 10  # every download thread stops and joins
    thread.join(5)
    assert hub.downloaded("tokenizer.json")

    # huggingface_hub >= 1.x drops the half-fetched file on cancel, so the weights start
    # over; the files that were finished are kept and not fetched again.
    hub.reset()
    folder = download_model(BERT, control=_control(), config=config)
    assert (folder / "model.safetensors").stat().st_size == 1_710_992
    assert [path.rsplit("/", 1)[1] for path in hub.downloaded()] == ["model.safetensors"]


def test_a_broken_transfer_resumes_with_a_range_request(hub: FakeHub,
                                                        config: HubConfig) -> None:
    hub.fail_after_bytes = 600_000
    folder = download_model(BERT, control=_control(), config=config)
    weights = (folder / "model.safetensors").read_bytes()
    repo = next(r for r in standard_repos() if r.repo_id == BERT)
    assert hashlib.sha256(weights).hexdigest() == repo.etag("model.safetensors")
    ranges = [header for path, header in hub.range_requests if path == "model.safetensors"]
    assert ranges and ranges[0].startswith("bytes=") and not ranges[0].startswith("bytes=0-")
    assert hub.bytes_served[f"{BERT}/model.safetensors"] < 1.5 * len(weights)


def test_a_download_that_would_not_fit_is_refused_before_fetching(
        hub: FakeHub, config: HubConfig, monkeypatch: pytest.MonkeyPatch) -> None:
    usage = shutil.disk_usage("/")
    monkeypatch.setattr(shutil, "disk_usage",
                        lambda _: usage._replace(free=120_000))
    with pytest.raises(NotEnoughDiskSpace,
                       match=r"^Not enough disk space: needs 1.74 MB, 120 kB free on /"):
        download_model(BERT, control=_control(), config=config)
    assert hub.downloaded() == []


def test_pickle_only_models_need_consent_before_their_pickles_are_fetched(
        hub: FakeHub, config: HubConfig) -> None:
    with pytest.raises(PickleOnlyModel, match=r"pytorch_model\.bin"):
        download_model("legacy/bert-sentiment-bin", control=_control(), config=config)
    assert hub.downloaded() == []
    folder = download_model("legacy/bert-sentiment-bin", control=_control(), config=config,
                            allow_pickle=True)
    assert (folder / "pytorch_model.bin").exists()


def test_pipeline_files_skip_other_frameworks_and_duplicate_weights() -> None:
    files = ["config.json", "model.safetensors", "tf_model.h5", "flax_model.msgpack",
             "onnx/model.onnx", "model.gguf", "rust_model.ot", "pytorch_model.bin", "vocab.txt",
             "consolidated.safetensors", ".gitattributes"]
    assert pipeline_files(files, "x") == ("config.json", "model.safetensors", "vocab.txt")
    with pytest.raises(ModelUnavailable, match="no weights that transformers can load"):
        pipeline_files(["config.json", "model.gguf"], "x")


def test_gated_models_point_to_the_licence_page(hub: FakeHub, config: HubConfig) -> None:
    gated = "gated/bert-sentiment"
    link = f"{hub.url}/{gated}"
    with pytest.raises(GatedModel) as anonymous:
        download_model(gated, control=_control(), config=config)
    assert link in anonymous.value.message and "sign in" in anonymous.value.message
    no_licence = HubConfig(endpoint=hub.url, cache_dir=config.cache_dir, token="hf_nolicence")
    with pytest.raises(GatedModel) as refused:
        download_model(gated, control=_control(), config=no_licence)
    assert link in refused.value.message and "sign in" not in refused.value.message
    accepted = HubConfig(endpoint=hub.url, cache_dir=config.cache_dir, token="hf_good")
    assert (download_model(gated, control=_control(), config=accepted) / "config.json").exists()


# --- offline --------------------------------------------------------------------------------

def test_an_unreachable_hub_is_reported_as_offline_quickly(tmp_path: Path) -> None:
    config = HubConfig(endpoint=_closed_port_url(), cache_dir=tmp_path, timeout_s=5)
    started = time.monotonic()
    with pytest.raises(OfflineError, match="cannot be reached: showing installed models only"):
        search_models("bert", config=config)
    with pytest.raises(OfflineError):
        model_details(BERT, config=config)
    with pytest.raises(OfflineError, match="check your connection"):
        download_model(BERT, control=_control(), config=config)
    assert time.monotonic() - started < 10


def test_offline_mode_sends_no_request_and_serves_installed_models(
        hub: FakeHub, config: HubConfig, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = download_model(BERT, control=_control(), config=config)
    hub.reset()
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(OfflineError, match=f"^{OFFLINE_MESSAGE}$"):
        search_models("bert", config=config)
    assert download_model(BERT, control=_control(), config=config) == folder
    with pytest.raises(OfflineError, match="not installed and you are offline"):
        download_model(VIT, control=_control(), config=config)
    assert [m.id for m in installed_models(config=config)] == [BERT]
    monkeypatch.delenv("HF_HUB_OFFLINE")
    setting = HubConfig(endpoint=hub.url, cache_dir=config.cache_dir, offline=True)
    with pytest.raises(OfflineError):
        model_details(BERT, config=setting)
    assert download_model(BERT, control=_control(), config=setting) == folder
    assert hub.requests == []


# --- the local cache ------------------------------------------------------------------------

def test_installed_models_show_size_task_and_removal_frees_the_space(
        config: HubConfig) -> None:
    download_model(BERT, control=_control(), config=config)
    download_model(VIT, control=_control(), config=config)
    installed = {m.id: m for m in installed_models(config=config)}
    assert set(installed) == {BERT, VIT}
    bert = installed[BERT]
    assert bert.task == "text-classification" and installed[VIT].task == "image-classification"
    assert bert.size_bytes > 1_700_000 and bert.size_str.endswith("MB")
    assert (bert.path / "config.json").exists()
    freed = remove_model(BERT, config=config)
    assert freed == bert.size_bytes
    assert not bert.path.exists()
    assert [m.id for m in installed_models(config=config)] == [VIT]
    with pytest.raises(ModelUnavailable, match="is not installed"):
        remove_model(BERT, config=config)


def test_an_empty_cache_lists_no_models(tmp_path: Path) -> None:
    assert installed_models(cache_dir=tmp_path / "missing") == []


# --- memory and figures --------------------------------------------------------------------

def test_memory_estimate_and_fit_hint_speak_plainly() -> None:
    needed = estimate_memory(1_000_000_000, "float16")
    assert needed == 2_400_000_000
    assert estimate_memory(1000, "torch.float32") == 4800
    assert fit_hint(needed, 8_000_000_000) == ("fits", "Fits: needs about 2.4 GB of the "
                                                       "8 GB free.")
    assert fit_hint(needed, 3_000_000_000).verdict == "tight"
    verdict, message = fit_hint(needed, 1_000_000_000)
    assert verdict == "too_big" and message == "Too big: needs about 2.4 GB but only 1 GB is free."
    with pytest.raises(PipedeckError):
        estimate_memory(10, "float7")


def test_figures_are_human_readable() -> None:
    assert human_size(420_000_000) == "420 MB"
    assert human_size(12_345_678) == "12.3 MB"
    assert human_size(999) == "999 B"
    assert human_count(1_234_567) == "1.2 M" and human_count(98_000) == "98 k"
    assert human_count(420) == "420"
    assert human_duration(80) == "1:20" and human_duration(3723) == "1:02:03"


# --- tokens ----------------------------------------------------------------------------------

_TOKENS = textwrap.dedent("""
    import json, os
    from engine.errors import PipedeckError
    from engine.hub import login, logout, whoami
    seen = {"before": whoami()}
    try:
        login("hf_wrong")
    except PipedeckError as error:
        seen["wrong"] = str(error)
    seen["login"] = login("hf_good")
    seen["stored"] = os.path.exists(os.path.join(os.environ["HF_HOME"], "token"))
    seen["after"] = whoami()
    logout()
    seen["logged_out"] = whoami()
    print(json.dumps(seen))
""")


def test_tokens_are_checked_and_kept_in_huggingface_hubs_own_storage(
        hub: FakeHub, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"}}
    env.update(HF_HOME=str(tmp_path / "hf-home"), HF_ENDPOINT=hub.url, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", _TOKENS], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"before": None, "wrong": "The Hub rejected this token: check that it was "
                    "copied whole.", "login": "alice", "stored": True, "after": "alice",
                    "logged_out": None}


def test_download_speed_is_safe_from_many_download_threads_at_once() -> None:
    class Control:
        def report(self, *args: object, **kwargs: object) -> None:
            return None

    progress = _ByteProgress(Control(), total=10**9)  # type: ignore[arg-type]
    failures: list[BaseException] = []

    def hammer(offset: int) -> None:
        try:
            for n in range(3000):  # threads interleave counts behind and ahead of each other
                progress.message(1 + n * 1000 + offset)
        except BaseException as error:  # any error here is the bug
            failures.append(error)

    threads = [threading.Thread(target=hammer, args=(i * 7,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not failures, failures
    assert [s[1] for s in progress.samples] == sorted(s[1] for s in progress.samples)
