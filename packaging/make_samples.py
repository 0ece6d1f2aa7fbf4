"""Regenerate the built-in sample inputs under ``resources/samples/``.

The samples ship inside the app so ``pipedeck --self-test`` (and a first-time user) has
something real to run on without any network: a small picture, a few texts, a spoken
English sentence and a rendered invoice. They are committed; run this only to change
them. Needs Pillow, and the ``espeak-ng`` and ``sox`` programs for the speech sample.

    .venv/bin/python packaging/make_samples.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"

SPEECH_TEXT = "Good morning. This is the Pipedeck self test."
TEXTS = (
    "My new phone broke after two days and the screen does not turn on.",
    "The weather is good today, let us go for a walk in the park.",
    "Please send the invoice for the order we placed last week.",
)


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def make_image(path: Path) -> None:
    """A landscape: sky, sun, hills. Small (96 px) but a real RGB picture."""
    image = Image.new("RGB", (96, 96), (135, 190, 235))
    draw = ImageDraw.Draw(image)
    draw.ellipse((62, 10, 84, 32), fill=(250, 210, 60))
    draw.polygon([(0, 70), (30, 45), (60, 68), (96, 50), (96, 96), (0, 96)], fill=(70, 140, 70))
    draw.rectangle((0, 84, 96, 96), fill=(60, 110, 60))
    image.save(path, "PNG", optimize=True)


def make_invoice(path: Path) -> None:
    """A one-page invoice large enough for Tesseract to read, grayscale to stay small."""
    page = Image.new("L", (900, 700), 255)
    draw = ImageDraw.Draw(page)
    big, text = _font(40), _font(24)
    draw.text((60, 50), "ACME Supplies Ltd", font=big, fill=0)
    draw.text((60, 110), "12 Harbour Road, Bristol", font=text, fill=0)
    draw.text((60, 190), "Invoice number: INV-2024-0042", font=text, fill=0)
    draw.text((60, 230), "Invoice date: 2024-03-15", font=text, fill=0)
    draw.text((60, 270), "Bill to: Northwind Traders", font=text, fill=0)
    draw.line((60, 340, 840, 340), fill=0, width=2)
    y = 365
    for desc, amount in (("Consulting services", "900.00"), ("Travel", "334.50")):
        draw.text((60, y), desc, font=text, fill=0)
        draw.text((660, y), amount, font=text, fill=0)
        y += 45
    draw.line((60, y + 10, 840, y + 10), fill=0, width=2)
    draw.text((60, y + 35), "Total amount due: EUR 1,234.50", font=text, fill=0)
    page.save(path, "PNG", optimize=True)


def make_speech(path: Path) -> None:
    """espeak-ng speech resampled to 16 kHz mono 16-bit: what speech models expect."""
    for tool in ("espeak-ng", "sox"):
        if shutil.which(tool) is None:
            sys.exit(f"make_samples: '{tool}' is needed for the speech sample")
    with tempfile.TemporaryDirectory() as scratch:
        raw = Path(scratch) / "raw.wav"
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", "185", "-w", str(raw), SPEECH_TEXT],
                       check=True)
        subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", "-b", "16", str(path),
                        "pad", "0.1", "0.1"], check=True)


def main() -> None:
    SAMPLES.mkdir(parents=True, exist_ok=True)
    make_image(SAMPLES / "landscape.png")
    make_invoice(SAMPLES / "invoice.png")
    make_speech(SAMPLES / "speech.wav")
    (SAMPLES / "texts.txt").write_text("\n".join(TEXTS) + "\n", encoding="utf-8")
    for item in sorted(SAMPLES.iterdir()):
        print(f"{item.name:16} {item.stat().st_size / 1024:6.1f} KB")


if __name__ == "__main__":
    main()
