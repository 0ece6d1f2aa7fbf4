"""The picture and sound tabs end to end: inputs in, result view filled, export read back.

Set ``PIPEDECK_SCREENSHOTS`` to a folder to save a 1280×800 picture of each tab.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from gui.export_dialog import export_results
from gui.main_window import MainWindow
from tests.conftest import open_tab
from tests.media_fixtures import (  # noqa: F401  (pytest fixtures, used by name)
    ast_model,
    clip_model,
    depth_model,
    llava_model,
    scene,
    segformer_model,
    sounds,
    vits_model,
    yolos_model,
)

pytestmark = [pytest.mark.gui, pytest.mark.timeout(300)]


def run_and_wait(qtbot, window: MainWindow, tab: Any) -> Any:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.job_done, timeout=120_000) as done:
        tab.run_button.click()
    return done.args[0]


def export_and_read(tab: Any, tmp_path: Path) -> list[dict[str, Any]]:
    target = tmp_path / f"{tab.task.alias}.json"
    written = export_results(tab, tab.task, tab.results.model.gathered(), target=str(target))
    assert written == [target]
    data: list[dict[str, Any]] = json.loads(target.read_text(encoding="utf-8"))
    return data


def screenshot(window: MainWindow, name: str) -> None:
    folder = os.environ.get("PIPEDECK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(folder) / f"{name}.png"))


def test_label_images_tab_scores_the_typed_labels(
        qtbot, window: MainWindow, clip_model: Path, images: dict[str, Path],  # noqa: F811
        tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab = open_tab(window, "zero-shot-image-classification", clip_model)
    tab.inputs.add_paths([str(images["red square.png"]), str(images["notes.png"])])
    tab.form.widget("candidate_labels").setText("cat, dog, red square")
    outcome = run_and_wait(qtbot, window, tab)
    assert outcome.errors == 1
    tab.results.table.selectRow(0)
    labels = tab.results.detail.labels.labels_model.labels()
    assert {label for label, _ in labels} == {"cat", "dog", "red square"}
    assert not tab.results.detail.preview.pixmap().isNull()
    exported = export_and_read(tab, tmp_path)
    assert len(exported[0]["result"]["labels"]) == 3
    assert exported[1]["error"] == "could not read 'notes.png': not an image"


def test_find_objects_tab_draws_boxes_and_saves_the_picture(
        qtbot, window: MainWindow, yolos_model: Path, scene: Path,  # noqa: F811
        tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab = open_tab(window, "object-detection", yolos_model)
    tab.inputs.add_paths([str(scene)])
    tab.form.widget("threshold").setValue(0.3)
    run_and_wait(qtbot, window, tab)
    tab.results.table.selectRow(0)
    detail = tab.results.detail
    objects = tab.results.model.merged(0)["objects"]
    assert objects and detail.legend.count() == len(objects)
    assert detail.legend.item(0).text().startswith(objects[0]["label"])
    assert detail.rendered.width() == 640 and detail.rendered.height() == 480
    assert detail.save_button.isEnabled()
    saved = detail.save_image(tmp_path / "boxes")
    from PIL import Image

    with Image.open(saved) as image:
        assert image.size == (640, 480) and saved.suffix == ".png"
    exported = export_and_read(tab, tmp_path)
    assert exported[0]["result"]["objects"] == objects
    screenshot(window, "media-find-objects")


def test_find_objects_draws_on_a_scaled_copy_of_a_big_picture(
        qtbot, window: MainWindow, yolos_model: Path, tmp_path: Path) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    from PIL import Image

    big = tmp_path / "big.png"
    Image.new("RGB", (3000, 1500), (40, 120, 200)).save(big)
    tab = open_tab(window, "object-detection", yolos_model)
    tab.inputs.add_paths([str(big)])
    tab.form.widget("threshold").setValue(0.0)
    run_and_wait(qtbot, window, tab)
    tab.results.table.selectRow(0)
    rendered = tab.results.detail.rendered
    assert (rendered.width(), rendered.height()) == (1024, 512)  # decoded scaled, never full


def test_outline_regions_tab_overlays_masks_with_a_legend(
        qtbot, window: MainWindow, segformer_model: Path, scene: Path,  # noqa: F811
        tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from gui.views.image_result import read_scaled

    tab = open_tab(window, "image-segmentation", segformer_model)
    tab.inputs.add_paths([str(scene)])
    run_and_wait(qtbot, window, tab)
    tab.results.table.selectRow(0)
    detail = tab.results.detail
    segments = tab.results.model.merged(0)["segments"]
    assert [detail.legend.item(i).text() for i in range(detail.legend.count())] == [
        s["label"] for s in segments]
    original = read_scaled(str(scene))
    assert original is not None and detail.rendered.size() == original.size()
    assert detail.rendered != original  # tinted
    exported = export_and_read(tab, tmp_path)
    assert [s["label"] for s in exported[0]["result"]["segments"]] == [
        s["label"] for s in segments]
    screenshot(window, "media-outline-regions")


def test_depth_tab_shows_the_depth_map_beside_the_picture(
        qtbot, window: MainWindow, depth_model: Path, scene: Path,  # noqa: F811
        tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab = open_tab(window, "depth-estimation", depth_model)
    tab.inputs.add_paths([str(scene)])
    run_and_wait(qtbot, window, tab)
    tab.results.table.selectRow(0)
    detail = tab.results.detail
    assert detail.rendered.height() == 480 and detail.rendered.width() > 2 * 640
    assert detail.legend.count() == 2 and "Highest" in detail.legend.item(0).text()
    exported = export_and_read(tab, tmp_path)
    assert exported[0]["result"]["depth_png"]
    screenshot(window, "media-depth")


def test_classify_sounds_tab_ranks_labels_for_a_recording(
        qtbot, window: MainWindow, ast_model: Path, sounds: dict[str, Path],  # noqa: F811
        tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab = open_tab(window, "audio-classification", ast_model)
    tab.inputs.add_paths([str(sounds["tone.wav"]), str(sounds["notes.wav"])])
    tab.form.widget("top_k").setValue(3)
    outcome = run_and_wait(qtbot, window, tab)
    assert outcome.errors == 1
    tab.results.table.selectRow(0)
    assert len(tab.results.detail.labels.labels_model.labels()) == 3
    model = tab.results.model
    assert model.data(model.index(1, 1)) == "Could not read"
    exported = export_and_read(tab, tmp_path)
    assert len(exported[0]["result"]["labels"]) == 3


def test_read_aloud_tab_makes_a_wav_that_can_be_saved_elsewhere(
        qtbot, window: MainWindow, vits_model: Path, tmp_path: Path) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    import soundfile

    tab = open_tab(window, "text-to-audio", vits_model)
    tab.inputs.text.setPlainText("Hello world. How are you today?")
    run_and_wait(qtbot, window, tab)
    tab.results.table.selectRow(0)
    detail = tab.results.detail
    result = tab.results.model.merged(0)
    assert detail.audio_file == Path(result["audio_file"])
    assert "16000 Hz" in detail.details.text() and detail.save_button.isEnabled()
    if detail.can_play():
        assert detail.play_button.isEnabled()
        detail.play()
        detail.stop()
    else:
        assert not detail.play_button.isEnabled() and "Save as" in detail.note.text()
    copy = detail.save_audio(tmp_path / "speech")
    assert copy.suffix == ".wav"
    assert soundfile.info(str(copy)).duration == pytest.approx(result["duration_s"], abs=0.01)
    exported = export_and_read(tab, tmp_path)
    assert exported[0]["result"]["audio_file"] == result["audio_file"]
    screenshot(window, "media-read-aloud")


def test_ask_an_image_tab_streams_an_answer(
        qtbot, window: MainWindow, llava_model: Path, images: dict[str, Path],  # noqa: F811
        tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab = open_tab(window, "image-text-to-text", llava_model)
    tab.inputs.add_paths([str(images["blue.webp"])])
    tab.form.widget("question").setText("what colour is this")
    tab.form.widget("max_new_tokens").setValue(6)
    outcome = run_and_wait(qtbot, window, tab)
    assert outcome.state.value == "done"
    tab.results.table.selectRow(0)
    assert tab.results.model.data(tab.results.model.index(0, 1)) == "Done"
    merged = tab.results.model.merged(0)
    assert tab.results.detail.text.toPlainText() == merged["text"]
    exported = export_and_read(tab, tmp_path)
    assert exported[0]["result"]["text"] == merged["text"]


def test_ask_an_image_without_a_question_says_so(
        qtbot, window: MainWindow, llava_model: Path, images: dict[str, Path]) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    tab = open_tab(window, "image-text-to-text", llava_model)
    tab.inputs.add_paths([str(images["blue.webp"])])
    tab.form.widget("question").setText("   ")
    tab.run_button.click()  # refused by the form before anything loads
    assert "question" in tab.message.text().lower()
    assert not window.cancel_button.isEnabled()
