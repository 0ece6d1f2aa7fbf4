"""The "Choose model…" dialog against the fake Hub on loopback, through the real client.

Nothing is mocked between the dialog and ``huggingface_hub``: searches, details and
downloads go over HTTP to ``tests/fakehub.py`` and land in a temporary Hub cache. Only
``QMessageBox.question`` is answered by the test (a modal box would wait for a person).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

import gui.model_picker as picker_module
from engine.cache import download_model, installed_models
from engine.hub import OFFLINE_MESSAGE, HubConfig
from engine.progress import JobControl, Progress
from engine.tasks import TaskSpec, get_task
from gui.model_picker import ModelPickerDialog
from tests.fakehub import FakeHub

pytestmark = [pytest.mark.gui, pytest.mark.timeout(120)]

BERT = "tiny/bert-sentiment"
VIT = "tiny/vit-animals"
# The registry has no plain text-classification task; the fake Hub's loadable text models
# are tagged with it, and a TaskSpec's id is the Hub's pipeline_tag.
TEXT_TASK: TaskSpec = get_task("zero-shot-classification")._replace(id="text-classification")
IMAGE_TASK = get_task("image-classification")

WAIT = 15_000  # ms: a background HTTP call on a loaded 2-core CI machine


@pytest.fixture(autouse=True)
def own_token_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sign-in state lives in a temp folder: the user's own token is never read or changed."""
    from huggingface_hub import constants

    for name in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(constants, "HF_TOKEN_PATH", str(tmp_path / "hf-token"))
    monkeypatch.setattr(constants, "HF_STORED_TOKENS_PATH", str(tmp_path / "hf-stored-tokens"))


@pytest.fixture
def config(hub: FakeHub, tmp_path: Path) -> HubConfig:
    return HubConfig(endpoint=hub.url, cache_dir=tmp_path / "hub-cache", timeout_s=5)


@pytest.fixture
def open_picker(qtbot: Any) -> Iterator[Any]:
    """Opens pickers; at the end closes them once their background calls have finished.

    The dialogs are not handed to ``qtbot.addWidget``: pytest-qt deletes those before
    fixtures are torn down, which would drop the answers of calls still running.
    """
    opened: list[ModelPickerDialog] = []

    def make(task: TaskSpec, config: HubConfig) -> ModelPickerDialog:
        dialog = ModelPickerDialog(task, None, hub_config=config)
        opened.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: not dialog.busy, timeout=15_000)
        return dialog

    yield make
    for dialog in opened:
        dialog.done(QDialog.DialogCode.Rejected)
        qtbot.waitUntil(lambda d=dialog: not d.busy, timeout=15_000)
        dialog.deleteLater()


def _ids(dialog: ModelPickerDialog) -> list[str]:
    return [row.id for row in dialog.results.rows]


def _closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def _answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton,
            ) -> list[str]:
    """Answer every QMessageBox.question with ``button``; returns the questions asked."""
    asked: list[str] = []

    def question(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def _select(qtbot: Any, dialog: ModelPickerDialog, repo_id: str) -> None:
    qtbot.waitUntil(lambda: repo_id in _ids(dialog), timeout=WAIT)
    dialog.results_view.selectRow(_ids(dialog).index(repo_id))
    qtbot.waitUntil(lambda: dialog.details.details is not None
                    and dialog.details.details.id == repo_id, timeout=WAIT)


# --- searching --------------------------------------------------------------------------------

def test_typing_waits_for_a_pause_then_lists_matches_most_downloaded_first(
        qtbot: Any, hub: FakeHub, config: HubConfig, open_picker: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[threading.Thread] = []
    real_search = picker_module.search_models

    def watched(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return real_search(*args, **kwargs)

    monkeypatch.setattr(picker_module, "search_models", watched)
    dialog = open_picker(TEXT_TASK, config)
    # Opening lists the task's most downloaded models.
    assert _ids(dialog) == [BERT, "other/sentiment-de-1", "other/sentiment-fr-0",
                            "gated/bert-sentiment", "legacy/bert-sentiment-bin"]
    assert dialog.results.data(dialog.results.index(0, 1)) == "1.2 M"
    assert dialog.results.data(dialog.results.index(3, 6)) == "Gated"
    assert dialog.results_label.text() == "5 models"

    def searches() -> int:
        return sum(1 for _, path in hub.requests if path == "/api/models")

    before = searches()
    started = time.monotonic()
    qtbot.keyClicks(dialog.query, "bert")
    assert time.monotonic() - started < 3.0  # typing never waits for the Hub
    assert searches() == before  # nothing sent while typing
    qtbot.waitUntil(lambda: len(_ids(dialog)) == 3 and not dialog.busy, timeout=WAIT)
    assert searches() == before + 1  # one search for the whole word
    assert _ids(dialog) == [BERT, "gated/bert-sentiment", "legacy/bert-sentiment-bin"]
    assert threads and all(t is not threading.main_thread() for t in threads)

    dialog.query.clear()
    dialog.sort.setCurrentIndex(dialog.sort.findData("updated"))
    qtbot.waitUntil(lambda: _ids(dialog)[0] == "other/sentiment-de-1", timeout=WAIT)
    assert _ids(dialog) == ["other/sentiment-de-1", "other/sentiment-fr-0", BERT,
                            "gated/bert-sentiment", "legacy/bert-sentiment-bin"]
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    qtbot.waitUntil(lambda: _ids(dialog) == ["other/sentiment-fr-0"], timeout=WAIT)


def test_load_more_appends_the_next_page(qtbot: Any, config: HubConfig, open_picker: Any,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(picker_module, "PAGE_SIZE", 2)
    dialog = open_picker(TEXT_TASK, config)
    assert _ids(dialog) == [BERT, "other/sentiment-de-1"]
    assert dialog.more_button.isEnabled()
    qtbot.mouseClick(dialog.more_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_ids(dialog)) == 4, timeout=WAIT)
    assert _ids(dialog)[2:] == ["other/sentiment-fr-0", "gated/bert-sentiment"]


def test_image_tasks_offer_no_language_filter(config: HubConfig, open_picker: Any) -> None:
    dialog = open_picker(IMAGE_TASK, config)
    assert not dialog.language.isVisible()
    assert _ids(dialog) == [VIT, "other/sentiment-en-2"]


# --- details ------------------------------------------------------------------------------------

def test_choosing_a_row_shows_its_card_files_licence_link_and_memory_fit(
        qtbot: Any, config: HubConfig, open_picker: Any) -> None:
    dialog = open_picker(TEXT_TASK, config)
    _select(qtbot, dialog, BERT)
    pane = dialog.details
    assert pane.title.text() == BERT
    assert "apache-2.0" in pane.facts.text()
    assert "A tiny random model served by the test Hub." in pane.card.toPlainText()
    assert "pipeline_tag:" not in pane.card.toPlainText()  # the YAML header is not shown
    files = {pane.files.topLevelItem(i).text(0): pane.files.topLevelItem(i)
             for i in range(pane.files.topLevelItemCount())}
    assert files["model.safetensors"].text(2) == "yes"
    assert files["model.safetensors"].text(1) == "1.71 MB"
    assert files["pytorch_model.bin"].text(2) == ""  # safetensors exist: no pickle fetched
    assert f"{config.resolved_endpoint}/{BERT}" in pane.link.text()
    assert "Fits in memory: needs about" in pane.fit.text()
    assert dialog.use_button.isEnabled() and pane.download_button.isEnabled()


def test_fit_hint_says_fits_tight_or_will_not_fit_in_plain_words(
        config: HubConfig, open_picker: Any) -> None:
    pane = open_picker(TEXT_TASK, config).details
    gigabyte = 1_000_000_000
    assert "Fits in memory" in pane.fit_text(100_000_000, 16 * gigabyte)
    assert "Tight" in pane.fit_text(1_000_000_000, 6 * gigabyte)
    assert "Will not fit: needs about 4.8 GB, but only 2 GB is free." in pane.fit_text(
        1_000_000_000, 2 * gigabyte)
    assert "unknown" in pane.fit_text(None, 2 * gigabyte)


# --- downloading --------------------------------------------------------------------------------

def test_download_shows_bytes_speed_and_time_left_then_installs_in_the_temp_cache(
        qtbot: Any, hub: FakeHub, config: HubConfig, open_picker: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    hub.throttle_bps = 1_500_000  # about 1.2 s, so speed and time left appear
    dialog = open_picker(TEXT_TASK, config)
    _select(qtbot, dialog, BERT)
    seen: list[Progress] = []
    show_progress = dialog.details.download_progress

    def watched(progress: Progress) -> None:
        assert threading.current_thread() is threading.main_thread()
        seen.append(progress)
        show_progress(progress)

    monkeypatch.setattr(dialog.details, "download_progress", watched)
    qtbot.mouseClick(dialog.details.download_button, Qt.MouseButton.LeftButton)
    assert dialog.details.cancel_button.isVisible()
    qtbot.waitUntil(lambda: dialog.details.progress_label.text().startswith("Downloaded"),
                    timeout=30_000)
    assert dialog.details.progress.value() == dialog.details.progress.maximum() == 1000
    assert not dialog.details.cancel_button.isVisible()
    assert seen[-1].fraction == 1.0
    assert any(" of 1.7" in p.message and "/s" in p.message and "left" in p.message
               for p in seen), [p.message for p in seen]
    snapshots = list((config.cache_dir / "models--tiny--bert-sentiment" / "snapshots").glob(
        "*/model.safetensors"))
    assert len(snapshots) == 1
    assert not hub.downloaded(".bin")

    qtbot.waitUntil(lambda: BERT in [m.id for m in dialog.installed.model.rows], timeout=WAIT)
    assert dialog.message.text() == f"'{BERT}' is installed."
    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen_model == BERT


def test_cancel_stops_the_download_quickly(qtbot: Any, hub: FakeHub, config: HubConfig,
                                           open_picker: Any) -> None:
    hub.throttle_bps = 200_000
    dialog = open_picker(TEXT_TASK, config)
    _select(qtbot, dialog, BERT)
    qtbot.mouseClick(dialog.details.download_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.details.progress.value() > 0, timeout=10_000)
    started = time.monotonic()
    qtbot.mouseClick(dialog.details.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "cancelled" in dialog.message.text(), timeout=10_000)
    assert time.monotonic() - started < 5
    assert dialog.details.download_button.isEnabled()
    assert dialog.message.text() == "Download cancelled; the files already finished are kept."


def test_pickle_only_model_asks_consent_naming_the_risk_then_downloads(
        qtbot: Any, hub: FakeHub, config: HubConfig, open_picker: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog = open_picker(TEXT_TASK, config)
    dialog.download("legacy/bert-sentiment-bin")  # before its details arrive: the engine asks
    qtbot.waitUntil(lambda: dialog.details.progress_label.text().startswith("Downloaded"),
                    timeout=30_000)
    assert len(asked) == 1
    assert "pytorch_model.bin" in asked[0] and "run any program" in asked[0]
    assert hub.downloaded(".bin")


def test_refusing_pickle_weights_downloads_nothing(
        qtbot: Any, hub: FakeHub, config: HubConfig, open_picker: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    dialog = open_picker(TEXT_TASK, config)
    qtbot.keyClicks(dialog.query, "legacy")
    _select(qtbot, dialog, "legacy/bert-sentiment-bin")
    assert "older PyTorch weights" in dialog.details.progress_label.text()
    qtbot.mouseClick(dialog.details.download_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)
    assert not hub.downloaded(".bin") and not hub.downloaded(".json")


def test_gated_model_says_how_to_get_access_in_one_line(
        qtbot: Any, config: HubConfig, open_picker: Any) -> None:
    dialog = open_picker(TEXT_TASK, config)
    dialog.download("gated/bert-sentiment")
    qtbot.waitUntil(lambda: "gated" in dialog.message.text(), timeout=15_000)
    assert dialog.message.text() == (
        f"'gated/bert-sentiment' is gated: sign in with a Hugging Face token and accept its "
        f"licence at {config.resolved_endpoint}/gated/bert-sentiment, then try again.")
    assert "\n" not in dialog.message.text()


def test_a_rejected_token_is_reported_and_the_sign_in_field_stays(
        qtbot: Any, config: HubConfig, open_picker: Any) -> None:
    dialog = open_picker(TEXT_TASK, config)
    account = dialog.account
    assert account.token_edit.isVisible() and not account.sign_out_button.isVisible()
    qtbot.keyClicks(account.token_edit, "hf_wrong")
    qtbot.mouseClick(account.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "rejected" in dialog.message.text(), timeout=15_000)
    assert dialog.message.text() == "The Hub rejected this token: check that it was copied whole."
    assert account.sign_in_button.isEnabled() and account.user is None


# --- offline and installed ------------------------------------------------------------------------

def test_hub_down_shows_the_offline_line_and_installed_models_within_seconds(
        qtbot: Any, config: HubConfig, open_picker: Any) -> None:
    download_model(BERT, control=JobControl(), config=config)
    dialog = open_picker(TEXT_TASK, replace(config, endpoint=_closed_port_url()))
    qtbot.waitUntil(lambda: "cannot be reached" in dialog.message.text(), timeout=10_000)
    assert dialog.message.text().endswith("showing installed models only.")
    assert dialog.tabs.currentWidget() is dialog.installed
    qtbot.waitUntil(lambda: [m.id for m in dialog.installed.model.rows] == [BERT], timeout=WAIT)
    dialog.installed.view.selectRow(0)
    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen_model == BERT


def test_offline_mode_sends_nothing_and_says_so(hub: FakeHub, config: HubConfig,
                                               open_picker: Any) -> None:
    dialog = open_picker(TEXT_TASK, replace(config, offline=True))
    assert dialog.message.text() == OFFLINE_MESSAGE
    assert dialog.tabs.currentWidget() is dialog.installed
    assert dialog.installed.label.text() == "No models installed yet."
    assert hub.requests == []


def test_remove_asks_naming_the_space_freed_then_deletes(
        qtbot: Any, config: HubConfig, open_picker: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    download_model(BERT, control=JobControl(), config=config)
    size = installed_models(config=config)[0].size_str
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog = open_picker(TEXT_TASK, config)
    dialog.tabs.setCurrentWidget(dialog.installed)
    qtbot.waitUntil(lambda: dialog.installed.model.rowCount() == 1, timeout=WAIT)
    assert dialog.installed.label.text() == f"1 model, {size} on disk"
    dialog.installed.view.selectRow(0)
    qtbot.mouseClick(dialog.installed.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Removed"), timeout=15_000)
    assert asked == [f"Remove '{BERT}' from this computer? This frees {size} of disk space; "
                     "you can download it again later."]
    assert dialog.message.text() == f"Removed '{BERT}': {size} freed."
    qtbot.waitUntil(lambda: dialog.installed.model.rowCount() == 0, timeout=WAIT)
    assert installed_models(config=config) == []


def test_open_a_local_folder_chooses_that_folder(
        tmp_path: Path, config: HubConfig, open_picker: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *args, **kwargs: str(tmp_path)))
    dialog = open_picker(TEXT_TASK, config)
    qtbot_click = dialog.folder_button.click
    qtbot_click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen_model == str(tmp_path)


# --- with the main window -----------------------------------------------------------------------

def test_the_chosen_model_lands_in_the_main_windows_model_box_for_that_tab(
        qtbot: Any, tmp_path: Path, config: HubConfig,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from gui.main_window import MainWindow
    from gui.settings import Settings

    class DrivenPicker(ModelPickerDialog):
        """The real dialog with the fake Hub; ``exec`` plays the user instead of blocking."""

        def __init__(self, task: TaskSpec, parent: Any = None, **_: Any) -> None:
            super().__init__(task, parent, hub_config=config)

        def exec(self) -> int:
            self.show()
            qtbot.waitUntil(lambda: VIT in _ids(self), timeout=WAIT)
            self.results_view.selectRow(_ids(self).index(VIT))
            qtbot.mouseClick(self.use_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: not self.busy, timeout=15_000)
            return int(self.result())

    monkeypatch.setattr(picker_module, "ModelPickerDialog", DrivenPicker)
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, tasks=(TEXT_TASK, IMAGE_TASK))
    qtbot.addWidget(window)
    window.tabs.setCurrentWidget(window.tabs_by_id[IMAGE_TASK.id])
    qtbot.mouseClick(window.choose_button, Qt.MouseButton.LeftButton)
    assert window.model_combo.currentText() == VIT
    assert settings.model_for(IMAGE_TASK.id, "") == VIT
    window.tabs.setCurrentWidget(window.tabs_by_id[TEXT_TASK.id])
    assert window.model_combo.currentText() == TEXT_TASK.default_model
