"""Fixtures for the picture and sound task tests: tiny models and real input files.

Imported by the media test modules (``from tests.media_fixtures import *`` would hide
what is used, so each test module imports the fixtures it needs by name).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest


@pytest.fixture(scope="session")
def clip_model() -> Path:
    from tests.tiny.media_vision import tiny_clip

    return tiny_clip()


@pytest.fixture(scope="session")
def yolos_model() -> Path:
    from tests.tiny.media_vision import tiny_yolos

    return tiny_yolos()


@pytest.fixture(scope="session")
def segformer_model() -> Path:
    from tests.tiny.media_vision import tiny_segformer

    return tiny_segformer()


@pytest.fixture(scope="session")
def depth_model() -> Path:
    from tests.tiny.media_vision import tiny_depth_anything

    return tiny_depth_anything()


@pytest.fixture(scope="session")
def ast_model() -> Path:
    from tests.tiny.media_audio import tiny_ast

    return tiny_ast()


@pytest.fixture(scope="session")
def vits_model() -> Path:
    from tests.tiny.media_audio import tiny_vits

    return tiny_vits()


@pytest.fixture(scope="session")
def llava_model() -> Path:
    from tests.tiny.vlm import tiny_llava

    return tiny_llava()


@pytest.fixture(scope="session")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 640×480 picture with a few shapes (bigger than the 512 px mask limit on purpose)."""
    from PIL import Image, ImageDraw

    path = tmp_path_factory.mktemp("scene") / "street scene.jpg"
    image = Image.new("RGB", (640, 480), (135, 190, 235))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 300, 640, 480), fill=(90, 90, 90))
    draw.ellipse((60, 120, 220, 280), fill=(230, 180, 40))
    draw.rectangle((360, 180, 600, 320), fill=(200, 30, 30))
    image.save(path, quality=90)
    return path


@pytest.fixture(scope="session")
def sounds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """WAV files made with numpy and soundfile: a tone, a long tone, and a broken file."""
    import soundfile

    folder = tmp_path_factory.mktemp("sounds")
    rate = 16000

    def tone(seconds: float, hz: float) -> np.ndarray:
        t = np.arange(int(seconds * rate)) / rate
        return (0.3 * np.sin(2 * np.pi * hz * t)).astype(np.float32)

    files = {"tone.wav": folder / "tone.wav", "long tone.flac": folder / "long tone.flac"}
    soundfile.write(files["tone.wav"], tone(2.5, 440.0), rate)
    soundfile.write(files["long tone.flac"], tone(7.0, 220.0), rate)
    files["notes.wav"] = folder / "notes.wav"
    files["notes.wav"].write_text("this is not a recording", encoding="utf-8")
    return files
