"""Pictures as the image tasks receive them: every mode becomes RGB, the file is let go.

``engine.inputs.load_image`` hands an RGB picture that is already read on without copying
it (a copy per picture was ~0.6 % of a batch on a tiny model); these tests check that what
it hands on is still a complete, independent picture.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image

from engine.inputs import load_image

pytestmark = pytest.mark.timeout(60)

COLOUR = (30, 120, 210)


def open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.parametrize(("mode", "suffix"), [
    ("RGB", ".png"), ("RGB", ".jpg"), ("RGBA", ".png"), ("L", ".png"), ("P", ".png"),
    ("CMYK", ".jpg"), ("I;16", ".png"), ("1", ".bmp"),
])
def test_every_picture_mode_arrives_as_rgb_with_its_pixels(tmp_path: Path, mode: str,
                                                           suffix: str) -> None:
    path = tmp_path / f"picture{suffix}"
    Image.new("RGB", (40, 30), COLOUR).convert(mode).save(path)

    image = load_image(str(path))

    assert image.mode == "RGB"
    assert image.size == (40, 30)
    assert image.getpixel((5, 5)) == Image.open(path).convert("RGB").getpixel((5, 5))


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts open files in /proc")
def test_a_loaded_picture_is_whole_after_its_file_is_closed_and_deleted(tmp_path: Path
                                                                         ) -> None:
    path = tmp_path / "photo.png"
    Image.new("RGB", (64, 48), COLOUR).save(path)
    before = open_files()

    image = load_image(str(path))
    path.unlink()  # Windows refuses this while a file is open

    assert open_files() == before
    assert image.getpixel((63, 47)) == COLOUR
    assert image.resize((32, 24)).getpixel((0, 0)) == COLOUR
    image.putpixel((0, 0), (0, 0, 0))  # its own pixels: writable, not a read-only map
    assert image.getpixel((0, 0)) == (0, 0, 0)


def test_an_animated_picture_gives_its_first_frame_as_rgb(tmp_path: Path) -> None:
    path = tmp_path / "moving.png"
    first = Image.new("RGB", (20, 20), COLOUR)
    second = Image.new("RGB", (20, 20), (250, 10, 10))
    first.save(path, save_all=True, append_images=[second], duration=100)
    assert Image.open(path).n_frames == 2

    image = load_image(str(path))

    assert image.mode == "RGB"
    assert image.getpixel((3, 3)) == COLOUR
    assert not getattr(image, "is_animated", False)  # a still copy: no file to seek in
