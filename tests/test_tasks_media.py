"""Picture and sound tasks through the real CLI and engine, on tiny random models.

Random models say nothing true: these tests check what the app promises (structure,
ranges, files written, bad inputs named with exit code 3), not what the model saw.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from engine.cli import main
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

pytestmark = pytest.mark.timeout(300)


def run_cli(*args: str) -> tuple[int, dict[str, Any] | str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    text = out.getvalue()
    return code, (json.loads(text) if "--json" in args else text), err.getvalue()


def png_size(data: str) -> tuple[int, int]:
    from engine.runners.png import decode_png

    return decode_png(data).size


# -- zero-shot image classification -------------------------------------------------------
def test_zero_shot_image_scores_each_typed_label_and_names_the_bad_file(
        clip_model: Path, images: dict[str, Path]) -> None:  # noqa: F811
    code, data, err = run_cli("zero-shot-image", str(images["red square.png"]),
                              str(images["notes.png"]), str(images["grün.jpg"]),
                              "--labels", "cat, dog, red square", "--batch-size", "2",
                              "--json", "--model", str(clip_model))
    assert code == 3
    assert isinstance(data, dict) and data["task"] == "zero-shot-image-classification"
    red, bad, green = data["results"]
    for good in (red, green):
        labels = good["result"]["labels"]
        assert {row["label"] for row in labels} == {"cat", "dog", "red square"}
        assert sum(row["score"] for row in labels) == pytest.approx(1.0, abs=1e-4)
        assert [r["score"] for r in labels] == sorted((r["score"] for r in labels), reverse=True)
    assert bad["error"] == "could not read 'notes.png': not an image"
    assert "notes.png" in err


def test_zero_shot_image_refuses_repeated_labels_with_exit_2(
        clip_model: Path, images: dict[str, Path]) -> None:  # noqa: F811
    code, _, err = run_cli("zero-shot-image", str(images["blue.webp"]), "--labels", "cat, cat",
                           "--model", str(clip_model))
    assert code == 2 and "different" in err


# -- object detection ---------------------------------------------------------------------
def test_detected_boxes_lie_inside_the_picture_and_pass_the_threshold(
        yolos_model: Path, scene: Path, images: dict[str, Path]) -> None:  # noqa: F811
    code, data, err = run_cli("detect", str(scene), str(images["cut.png"]), "--threshold", "0.3",
                              "--json", "--model", str(yolos_model))
    assert code == 3 and "cut.png" in err
    assert isinstance(data, dict)
    found, broken = data["results"]
    result = found["result"]
    assert (result["width"], result["height"]) == (640, 480)
    assert result["objects"], "the tiny model is tuned to find something above 0.3"
    for obj in result["objects"]:
        assert obj["score"] >= 0.3 and obj["label"] in {"cat", "dog", "car", "person"}
        box = obj["box"]
        assert 0 <= box["xmin"] <= box["xmax"] <= 640 and 0 <= box["ymin"] <= box["ymax"] <= 480
    assert broken["error"].startswith("could not read 'cut.png'")


def test_a_higher_threshold_never_finds_more_objects(yolos_model: Path, scene: Path) -> None:  # noqa: F811
    counts = []
    for threshold in ("0.0", "0.6", "1.0"):
        code, data, _ = run_cli("detect", str(scene), "--threshold", threshold, "--json",
                                "--model", str(yolos_model))
        assert code == 0 and isinstance(data, dict)
        counts.append(len(data["results"][0]["result"]["objects"]))
    assert counts == sorted(counts, reverse=True) and counts[-1] == 0 and counts[0] > 0


def test_threshold_out_of_range_is_a_usage_error(yolos_model: Path, scene: Path) -> None:  # noqa: F811
    code, _, err = run_cli("detect", str(scene), "--threshold", "2", "--model", str(yolos_model))
    assert code == 2 and "Minimum score" in err


# -- image segmentation -------------------------------------------------------------------
def test_segments_carry_small_mask_pngs_of_the_pictures_shape(
        segformer_model: Path, scene: Path, images: dict[str, Path]) -> None:  # noqa: F811
    code, data, err = run_cli("segment", str(scene), str(images["bomb.png"]), "--json",
                              "--model", str(segformer_model))
    assert code == 3 and "bomb.png" in err
    assert isinstance(data, dict)
    segments = data["results"][0]["result"]["segments"]
    assert segments and len({s["label"] for s in segments}) == len(segments)
    for segment in segments:
        assert segment["label"] in {"wall", "sky", "floor", "tree"}
        assert segment["score"] is None  # a semantic model scores pixels, not regions
        assert png_size(segment["mask_png"]) == (512, 384)  # 640×480 shrunk to 512 a side
    assert "too large" in data["results"][1]["error"]


def test_segment_text_output_leaves_the_masks_out(segformer_model: Path, scene: Path) -> None:  # noqa: F811
    code, text, _ = run_cli("segment", str(scene), "--model", str(segformer_model))
    assert code == 0 and isinstance(text, str)
    assert text.startswith("street scene.jpg: ") and "iVBOR" not in text


# -- depth estimation ---------------------------------------------------------------------
def test_depth_map_is_a_small_png_with_its_value_range_and_is_written_to_json(
        depth_model: Path, scene: Path, images: dict[str, Path], tmp_path: Path) -> None:  # noqa: F811
    code, data, _ = run_cli("depth", str(scene), str(images["empty.png"]), "--json",
                            "--output", str(tmp_path / "out"), "--model", str(depth_model))
    assert code == 3 and isinstance(data, dict)
    result = data["results"][0]["result"]
    assert png_size(result["depth_png"]) == (512, 384)
    assert result["min"] <= result["max"]
    assert (result["width"], result["height"]) == (640, 480)
    assert data["results"][1]["error"] == "could not read 'empty.png': the file is empty"
    written = json.loads((tmp_path / "out" / "depth.json").read_text(encoding="utf-8"))
    assert written[0]["result"]["depth_png"] == result["depth_png"]


# -- audio classification -----------------------------------------------------------------
def test_sounds_get_ranked_labels_and_a_text_file_is_named(
        ast_model: Path, sounds: dict[str, Path]) -> None:  # noqa: F811
    code, data, err = run_cli("classify-audio", str(sounds["tone.wav"]), str(sounds["notes.wav"]),
                              "--top-k", "3", "--json", "--model", str(ast_model))
    assert code == 3 and "notes.wav" in err
    assert isinstance(data, dict) and data["task"] == "audio-classification"
    good, bad = data["results"]
    labels = good["result"]["labels"]
    assert len(labels) == 3
    assert [r["score"] for r in labels] == sorted((r["score"] for r in labels), reverse=True)
    assert 0 < sum(r["score"] for r in labels) <= 1.0 + 1e-6
    assert good["result"]["heard_s"] == pytest.approx(2.5, abs=0.01)
    assert bad["error"].startswith("could not read 'notes.wav'")


def test_only_the_first_seconds_are_heard(ast_model: Path, sounds: dict[str, Path]) -> None:  # noqa: F811
    code, data, _ = run_cli("classify-audio", str(sounds["long tone.flac"]), "--max-seconds", "3",
                            "--json", "--model", str(ast_model))
    assert code == 0 and isinstance(data, dict)
    assert data["results"][0]["result"]["heard_s"] == pytest.approx(3.0, abs=0.01)


def test_windows_are_averaged_over_a_long_recording(
        ast_model: Path, sounds: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    from engine.runners import audio_classification

    monkeypatch.setattr(audio_classification, "WINDOW_S", 2.0)
    code, data, _ = run_cli("classify-audio", str(sounds["long tone.flac"]), "--top-k", "6",
                            "--json", "--model", str(ast_model))
    assert code == 0 and isinstance(data, dict)
    result = data["results"][0]["result"]
    assert result["heard_s"] == pytest.approx(7.0, abs=0.01)
    assert sum(r["score"] for r in result["labels"]) == pytest.approx(1.0, abs=1e-4)


# -- text to audio ------------------------------------------------------------------------
def test_speech_is_written_as_a_wav_under_the_data_folder(
        vits_model: Path, pipedeck_home: Path) -> None:  # noqa: F811
    import soundfile

    code, data, err = run_cli("speak", "Hello world. This is a test!", "  ", "--json",
                              "--model", str(vits_model))
    assert code == 3 and "the text is empty" in err
    assert isinstance(data, dict)
    result = data["results"][0]["result"]
    path = Path(result["audio_file"])
    assert path.parent == pipedeck_home / "data" / "outputs" and path.suffix == ".wav"
    info = soundfile.info(str(path))
    assert info.samplerate == result["sampling_rate"] == 16000
    assert info.duration == pytest.approx(result["duration_s"], abs=0.01)
    assert result["duration_s"] > 0
    assert not list(path.parent.glob(".*.part"))


def test_a_second_run_never_overwrites_the_first_file(vits_model: Path) -> None:  # noqa: F811
    files = set()
    for _ in range(2):
        code, data, _ = run_cli("speak", "hello", "--json", "--model", str(vits_model))
        assert code == 0 and isinstance(data, dict)
        files.add(data["results"][0]["result"]["audio_file"])
    assert len(files) == 2 and all(Path(f).is_file() for f in files)


def test_long_texts_are_spoken_in_sentence_pieces() -> None:
    from engine.runners.text_to_audio import MAX_PIECE_CHARS, pieces

    text = " ".join(f"Sentence number {i} is here." for i in range(40)) + " " + "word " * 200
    parts = pieces(text)
    assert all(0 < len(p) <= MAX_PIECE_CHARS for p in parts)
    assert " ".join(parts).split() == text.split()
    assert parts[0].endswith(".")


# -- image-text-to-text -------------------------------------------------------------------
def test_a_question_about_an_image_gets_an_answer_streamed_then_whole(
        llava_model: Path, images: dict[str, Path]) -> None:  # noqa: F811
    from engine.jobs import JobSpec, run_job
    from engine.models import PipelineCache
    from engine.progress import JobControl

    partials: list[Any] = []
    control = JobControl(on_partial=partials.append)
    spec = JobSpec(task="ask-image", inputs=(str(images["red square.png"]),
                                             str(images["notes.png"])),
                   model=str(llava_model), params={"question": "what is in this image",
                                                   "max_new_tokens": 6})
    outcome = run_job(spec, control, PipelineCache(capacity=1))
    assert outcome.state.value == "done" and outcome.errors == 1
    payloads = [p.payload for p in partials if p.index == 0 and p.payload]
    assert any("delta" in p for p in payloads)
    final = payloads[-1]
    assert final["stopped"] is False and isinstance(final["text"], str)
    assert [p.error for p in partials if p.index == 1] == [
        "could not read 'notes.png': not an image"]


def test_ask_image_cli_answers_and_needs_a_question(
        llava_model: Path, images: dict[str, Path]) -> None:  # noqa: F811
    code, data, _ = run_cli("ask-image", str(images["grün.jpg"]), "--question", "what colour",
                            "--max-new-tokens", "4", "--json", "--model", str(llava_model))
    assert code == 0 and isinstance(data, dict)
    assert isinstance(data["results"][0]["result"]["text"], str)
    code, _, err = run_cli("ask-image", str(images["grün.jpg"]), "--model", str(llava_model))
    assert code == 2 and "Question" in err


def test_a_vision_model_without_a_chat_template_is_refused_in_one_sentence(
        llava_model: Path, images: dict[str, Path], tmp_path: Path) -> None:  # noqa: F811
    import shutil

    plain = tmp_path / "no-template"
    shutil.copytree(llava_model, plain)
    (plain / "chat_template.jinja").unlink()
    code, _, err = run_cli("ask-image", str(images["grün.jpg"]), "--question", "what",
                           "--model", str(plain))
    assert code == 4
    assert "has no chat template" in err and "Traceback" not in err


def test_a_cut_recording_is_classified_on_the_part_before_the_cut(
        ast_model: Path, sounds: dict[str, Path], tmp_path: Path) -> None:  # noqa: F811
    import numpy as np
    import soundfile

    rng = np.random.default_rng(0)
    whole = tmp_path / "whole.flac"  # FLAC's header says how long it is; noise barely packs
    soundfile.write(whole, (0.2 * rng.standard_normal(16000 * 8)).astype(np.float32), 16000)
    cut = tmp_path / "cut.flac"
    data = whole.read_bytes()
    cut.write_bytes(data[: len(data) * 3 // 8])
    code, data, _ = run_cli("classify-audio", str(cut), "--json", "--model", str(ast_model))
    assert code == 0 and isinstance(data, dict)
    result = data["results"][0]["result"]
    assert 2.0 < result["heard_s"] < 3.5  # about 3 of 8 seconds: what decodes before the cut
    assert "damaged after 0:0" in result["warning"] and "only the part before" in result[
        "warning"]
