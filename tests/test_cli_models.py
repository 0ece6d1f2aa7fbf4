"""``pipedeck models ...`` against the fake Hub: output, progress on stderr, exit codes."""

from __future__ import annotations

import io
import json
import os
import signal
import socket
from pathlib import Path

import pytest

from engine.cli_models import main
from tests.fakehub import FakeHub

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def hub(served: FakeHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeHub:
    served.reset()
    monkeypatch.setenv("HF_ENDPOINT", served.url)
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub-cache"))
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    return served


def run(*argv: str, err: io.StringIO | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), err or io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_search_prints_a_table_sorted_as_asked(hub: FakeHub) -> None:
    code, out, _ = run("search", "bert")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split() == ["MODEL", "TASK", "DOWNLOADS", "LIKES", "SIZE", "UPDATED",
                                "LICENCE"]
    assert lines[1].split()[:3] == ["tiny/bert-sentiment", "text-classification", "1.2"]
    assert "gated/bert-sentiment (gated)" in lines[2]
    code, out, _ = run("search", "--sort", "likes", "--limit", "1")
    assert code == 0 and out.splitlines()[1].startswith("tiny/vit-animals")


def test_search_json_lists_every_field(hub: FakeHub) -> None:
    code, out, _ = run("search", "--task", "image-classification", "--json")
    results = json.loads(out)
    assert code == 0 and {r["id"] for r in results} == {"tiny/vit-animals",
                                                        "other/sentiment-en-2"}
    assert {"downloads", "likes", "license", "gated", "size_bytes", "parameters",
            "last_modified"} <= set(results[0])


def test_usage_errors_exit_with_2(hub: FakeHub) -> None:
    assert run("search", "--sort", "stars")[0] == 2
    assert run("frobnicate")[0] == 2
    assert run()[0] == 2


def test_download_list_and_remove(hub: FakeHub, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run("download", "tiny/bert-sentiment")
    assert code == 0, err
    folder = Path(out.strip())
    assert (folder / "model.safetensors").exists() and not hub.downloaded(".bin")
    assert "100.0%" in err and "of 1.74 MB" in err

    code, out, _ = run("list")
    assert code == 0 and out.splitlines()[1].split()[:3] == [
        "tiny/bert-sentiment", "text-classification", "1.74"]
    code, out, _ = run("list", "--json")
    assert json.loads(out)[0]["id"] == "tiny/bert-sentiment"

    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))  # not a terminal: never ask
    code, _, err = run("remove", "tiny/bert-sentiment")
    assert code == 2 and "--yes" in err and folder.exists()
    code, out, _ = run("remove", "tiny/bert-sentiment", "--yes")
    assert code == 0 and out.startswith("Removed 'tiny/bert-sentiment', freed 1.74 MB")
    assert not folder.exists()
    code, _, err = run("remove", "tiny/bert-sentiment", "--yes")
    assert code == 4 and "is not installed" in err


def test_gated_pickle_only_and_unknown_models_exit_with_4(hub: FakeHub) -> None:
    code, _, err = run("download", "gated/bert-sentiment")
    assert code == 4 and f"{hub.url}/gated/bert-sentiment" in err
    code, _, err = run("download", "legacy/bert-sentiment-bin")
    assert code == 4 and "--allow-pickle" in err
    assert run("download", "legacy/bert-sentiment-bin", "--allow-pickle")[0] == 0
    assert run("download", "nobody/nothing")[0] == 4


def test_offline_and_unreachable_hub_exit_with_4(hub: FakeHub,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    code, _, err = run("search", "bert")
    assert code == 4 and "You are offline: showing installed models only." in err
    assert hub.requests == []
    monkeypatch.delenv("HF_HUB_OFFLINE")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{port}")
    code, _, err = run("search", "bert")
    assert code == 4 and "cannot be reached" in err


class _InterruptOnProgress(io.StringIO):
    """A stderr that presses Ctrl-C as soon as the first bytes are reported."""

    def write(self, text: str) -> int:
        if " of " in text and not getattr(self, "pressed", False):
            self.pressed = True
            os.kill(os.getpid(), signal.SIGINT)
        return super().write(text)


def test_ctrl_c_cancels_a_download_and_exits_with_130(hub: FakeHub) -> None:
    hub.throttle_bps = 600_000
    before = signal.getsignal(signal.SIGINT)  # ignored when the tests run in the background
    code, out, err = run("download", "tiny/bert-sentiment", err=_InterruptOnProgress())
    assert code == 130 and out == ""
    assert "cancelled" in err
    assert signal.getsignal(signal.SIGINT) is before  # the CLI put back what it found
