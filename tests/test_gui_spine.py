"""The window end to end: drop files, see results, cancel, and never freeze."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QSplitter, QTableView

from gui.main_window import MainWindow
from tests.conftest import make_window

pytestmark = pytest.mark.gui


def drop_files(widget, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    widget.dragEnterEvent(enter)
    assert enter.isAccepted()
    # offscreen Qt delivers drop events only inside a real drag; call the handler itself
    widget.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))


def run_and_wait(qtbot, win: MainWindow, tab) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(win.job_done, timeout=120_000):
        tab.run_button.click()


def test_window_shows_a_tab_per_task_and_the_engine_finds_the_cpu(window: MainWindow) -> None:
    from engine.tasks import all_tasks, available_tasks

    assert window.tabs.count() == len(all_tasks())
    visible = [i for i in range(window.tabs.count()) if window.tabs.isTabVisible(i)]
    assert len(visible) == len(available_tasks())
    assert window.device_combo.itemData(0) == "cpu"
    assert window.dtype_combo.count() >= 2


def test_dropped_images_get_ranked_labels_and_bad_files_a_plain_message(
        qtbot, window: MainWindow, vit_model: Path, images: dict[str, Path]) -> None:  # type: ignore[no-untyped-def]
    tab = window.tabs_by_id["image-classification"]
    window.tabs.setCurrentWidget(tab)
    window.set_model(str(vit_model))
    drop_files(tab, [images["red square.png"], images["notes.png"]])
    assert tab.inputs.items() == [str(images["red square.png"]), str(images["notes.png"])]
    run_and_wait(qtbot, window, tab)
    model = tab.results.model
    assert model.data(model.index(0, 1)) == "Done"
    assert model.data(model.index(1, 2)) == "could not read 'notes.png': not an image"
    tab.results.table.selectRow(0)
    labels = tab.results.detail.labels.labels_model.labels()
    assert len(labels) == 5
    assert [score for _, score in labels] == sorted((s for _, s in labels), reverse=True)
    assert not tab.results.detail.preview.pixmap().isNull()
    assert "1 input(s) could not be read" in window.status_message.text()
    assert tab.export_button.isEnabled()


def test_zero_shot_tab_scores_typed_texts(qtbot, window: MainWindow, nli_model: Path) -> None:  # type: ignore[no-untyped-def]
    tab = window.tabs_by_id["zero-shot-classification"]
    window.tabs.setCurrentWidget(tab)
    window.set_model(str(nli_model))
    tab.inputs.text.setPlainText("my phone battery broke\nsports today")
    tab.form.widget("candidate_labels").setText("phone, sports, cooking")  # type: ignore[attr-defined]
    tab.form.widget("multi_label").setChecked(True)  # type: ignore[attr-defined]
    run_and_wait(qtbot, window, tab)
    assert tab.results.model.rowCount() == 2
    tab.results.table.selectRow(1)
    assert {label for label, _ in tab.results.detail.labels.labels_model.labels()} == {
        "phone", "sports", "cooking"}


def test_empty_labels_are_refused_before_anything_runs(window: MainWindow) -> None:
    tab = window.tabs_by_id["zero-shot-classification"]
    tab.inputs.text.setPlainText("some text")
    tab.run_button.click()
    assert "Labels" in tab.message.text()
    assert not window.cancel_button.isEnabled()


def test_cancel_stops_a_running_batch_and_keeps_what_finished(
        qtbot, window: MainWindow, vit_model: Path, images: dict[str, Path]) -> None:  # type: ignore[no-untyped-def]
    tab = window.tabs_by_id["image-classification"]
    window.tabs.setCurrentWidget(tab)
    window.set_model(str(vit_model))
    tab.inputs.add_paths([str(images["red square.png"])])
    paths = [str(images["red square.png"])] * 400
    tab.inputs.items = lambda: paths  # type: ignore[method-assign]
    with qtbot.waitSignal(window.job_done, timeout=120_000) as finished:
        tab.run_button.click()
        qtbot.waitUntil(lambda: len(tab.results.model.finished) >= 3, timeout=60_000)
        window.cancel_button.click()
    outcome = finished.args[0]
    assert outcome.state.value == "cancelled"
    done = len(tab.results.model.finished)
    assert 3 <= done < 400
    assert tab.run_button.isEnabled()


def test_event_loop_never_stalls_while_a_job_runs(
        qtbot, window: MainWindow, lm_model: Path) -> None:  # type: ignore[no-untyped-def]
    tab = window.tabs_by_id["text-generation"]
    window.tabs.setCurrentWidget(tab)
    window.set_model(str(lm_model))
    tab.inputs.text.setPlainText("hello world")
    tab.form.widget("max_new_tokens").setValue(5)  # type: ignore[attr-defined]
    run_and_wait(qtbot, window, tab)  # loads the model: the stall budget is for running
    tab.form.widget("max_new_tokens").setValue(300)  # type: ignore[attr-defined]
    gaps: list[float] = []
    last = [time.monotonic()]

    def beat() -> None:
        now = time.monotonic()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    run_and_wait(qtbot, window, tab)
    heartbeat.stop()
    assert len(gaps) > 20
    # The 50 ms goal is the benchmark's (benchmarks/run.py, an idle machine); on a shared CI
    # machine one scheduler hiccup is not a frozen window, a run of them is.
    steady = sorted(gaps[2:])[int(0.95 * len(gaps[2:]))]
    assert steady < 0.100, f"95th-percentile stall {steady * 1000:.0f} ms"
    assert max(gaps[2:]) < 0.5, f"longest stall {max(gaps[2:]) * 1000:.0f} ms"
    assert tab.results.detail.text.toPlainText() != ""


def test_history_lists_finished_jobs_and_reopens_them(
        qtbot, window: MainWindow, nli_model: Path) -> None:  # type: ignore[no-untyped-def]
    history = window.history
    # a new store: the panel says what it will hold, and offers nothing to open yet
    qtbot.waitUntil(lambda: history.placeholder.text().startswith("No jobs yet"),
                    timeout=10_000)
    assert history.placeholder.isVisible() and not history.open_button.isEnabled()
    assert history.findChild(QTableView, "history_view") is None
    tab = window.tabs_by_id["zero-shot-classification"]
    window.tabs.setCurrentWidget(tab)
    window.set_model(str(nli_model))
    tab.inputs.text.setPlainText("hello world")
    tab.form.widget("candidate_labels").setText("a, b")  # type: ignore[attr-defined]
    run_and_wait(qtbot, window, tab)
    qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=10_000)
    assert history.view.isVisible() and not history.placeholder.isVisible()
    assert not history.open_button.isEnabled()  # nothing picked yet
    history.view.selectRow(0)
    assert history.open_button.isEnabled()
    assert not history.resume_button.isEnabled()  # it ran to its end: nothing to resume
    panes = window.findChild(QSplitter, "history_splitter")
    assert not panes.isCollapsible(0) and not panes.isCollapsible(1)  # a drag cannot lose it
    toggle = window.findChild(QAction, "history_action")  # View > History
    toggle.trigger()
    assert not history.isVisible()
    toggle.trigger()
    assert history.isVisible()
    tab.inputs.clear()
    tab.results.start([])
    window.history.open_requested.emit(window.history.model.jobs[0].id)
    qtbot.waitUntil(lambda: tab.results.model.rowCount() == 1, timeout=10_000)
    assert tab.results.model.merged(0)["labels"]


def test_an_interrupted_job_resumes_from_the_history_keeping_its_finished_input(
        qtbot, window: MainWindow, nli_model: Path) -> None:  # type: ignore[no-untyped-def]
    from engine.store import JobStore, default_store_path

    store = JobStore(default_store_path())  # the window's own store
    job = store.create_job(task="zero-shot-classification", model=str(nli_model), device="cpu",
                           dtype="auto", params={"candidate_labels": ["a", "b"]},
                           inputs=["first text", "second text"])
    kept = {"sequence": "first text", "labels": [{"label": "a", "score": 0.875},
                                                 {"label": "b", "score": 0.125}]}
    store.add_result(job, 0, "first text", kept)
    store.finish_job(job, "interrupted", "stopped before it finished; its finished work is kept")
    history = window.history
    window.request_jobs.emit()
    qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=10_000)
    assert not history.resume_button.isEnabled()  # nothing picked yet
    history.view.selectRow(0)
    assert history.resume_button.isEnabled()
    with qtbot.waitSignal(window.job_done, timeout=120_000):
        history.resume_button.click()
    results = window.tabs_by_id["zero-shot-classification"].results.model
    assert [results.data(results.index(row, 1)) for row in range(2)] == ["Done", "Done"]
    assert results.merged(0)["labels"][0]["score"] == 0.875  # kept, not worked out again
    assert [row["input"] for row in results.gathered()] == ["first text", "second text"]  # export
    assert {r.item for r in store.results(job)} == {0, 1}


def test_pickle_weights_load_only_after_the_user_allows_them(
        qtbot, window: MainWindow, vit_model: Path, images: dict[str, Path],  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    import shutil

    import torch
    from safetensors.torch import load_file

    folder = tmp_path / "pickled-vit"
    shutil.copytree(vit_model, folder)
    torch.save(load_file(str(folder / "model.safetensors")), folder / "pytorch_model.bin")
    (folder / "model.safetensors").unlink()
    asked: list[str] = []
    answers = iter([False, True])
    window.confirm = lambda title, text, action: (asked.append(text), next(answers))[1]  # type: ignore[method-assign]
    tab = window.tabs_by_id["image-classification"]
    window.tabs.setCurrentWidget(tab)
    window.set_model(str(folder))
    tab.inputs.add_paths([str(images["red square.png"])])
    run_and_wait(qtbot, window, tab)  # refused: nothing loads, the user is asked
    assert len(asked) == 1 and "pickle" in asked[0] and str(folder) in asked[0]
    assert tab.results.model.finished == set()
    outcomes: list[Any] = []  # both jobs' ends, however close together they come
    window.job_done.connect(outcomes.append)
    tab.run_button.click()  # asked again, and this time allowed: it runs once more
    qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=120_000)
    assert len(asked) == 2
    assert outcomes[0].consent == "pickle"
    assert outcomes[1].state.value == "done"
    assert window.settings.consent("pickle", str(folder)) == ""


def test_task_pages_are_built_when_first_shown_with_the_engine_choices_applied(
        qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path, last_tab="image-classification")
    current = window.current_tab()
    assert current.task.id == "image-classification"
    others = [tab for tab in window.tabs_by_id.values() if tab is not current]
    assert current.built and not any(tab.built for tab in others)
    page = window.tabs_by_id["automatic-speech-recognition"]
    window.tabs.setCurrentWidget(page)
    assert page.built
    combo = page.form._widgets["language"]
    assert combo.count() > 90 and combo.findData("fr") >= 0  # Whisper's, found at start
    assert combo.currentData() == "auto"
    assert page.run_button.isEnabled()
    window.close()


def test_the_history_pane_opens_as_the_user_left_it(
        qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, tmp_path)
    panes = window.findChild(QSplitter, "history_splitter")
    total = sum(panes.sizes())
    panes.setSizes([total - 420, 420])  # the user drags the History wider
    window.findChild(QAction, "history_action").trigger()  # then hides it (View > History)
    assert not window.history.isVisible()
    window.close()

    again = make_window(qtbot, tmp_path)  # the same settings: the next start
    toggle = again.findChild(QAction, "history_action")
    assert not toggle.isChecked() and not again.history.isVisible()
    toggle.trigger()
    assert again.history.isVisible()
    split = again.findChild(QSplitter, "history_splitter")
    qtbot.waitUntil(lambda: split.sizes()[1] > 0)
    assert split.sizes()[1] == 420, split.sizes()
    again.close()
