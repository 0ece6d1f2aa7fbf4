"""Tesseract OCR on rendered invoices: words, boxes, languages, and a missing tesseract."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from engine import ocr
from engine.documents import open_document
from engine.ocr import OcrLanguageMissing, OcrUnavailable, Word, ocr_words
from tests import invoices

pytestmark = [
    pytest.mark.timeout(120),
    pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr not installed"),
]


def _read(path: Path) -> list[Word]:
    with open_document(path) as document:
        return ocr_words(document.page(0).image, "eng")


@pytest.mark.parametrize("make", [invoices.classic_png, invoices.rotated_png,
                                  invoices.noisy_scan_jpg])
def test_ocr_finds_invoice_number_and_total_on_scans(make) -> None:
    texts = [w.text for w in _read(make())]
    assert invoices.INVOICE_NUMBER in texts
    assert invoices.TOTAL in texts


def test_ocr_reads_the_two_column_layout() -> None:
    words = _read(invoices.modern_png())
    texts = [w.text for w in words]
    assert invoices.SECOND_NUMBER in texts
    assert invoices.TOTAL in texts
    number = next(w for w in words if w.text == invoices.SECOND_NUMBER)
    assert number.box[0] > 500  # printed in the right-hand column


def test_boxes_are_normalised_to_0_1000_and_match_where_words_are_printed() -> None:
    words = _read(invoices.classic_png())
    for word in words:
        x0, y0, x1, y1 = word.box
        assert 0 <= x0 <= x1 <= 1000 and 0 <= y0 <= y1 <= 1000
    # "Invoice number: ..." is drawn at x=90, y=300 on a 1240×1754 page.
    number = next(w for w in words if w.text == invoices.INVOICE_NUMBER)
    label = next(w for w in words if w.text == "number:")
    assert label.box[0] < number.box[0]
    assert abs(number.box[1] - 300 * 1000 / 1754) < 12


@pytest.mark.parametrize("make", [invoices.classic_png, invoices.noisy_scan_jpg,
                                  invoices.text_layer_pdf])
def test_ocr_reads_the_same_words_as_the_pipelines_own_ocr(
        make, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The page goes to tesseract as a TIFF, not pytesseract's PNG: same pixels, same words."""
    import tempfile

    import pytesseract
    from transformers.pipelines.document_question_answering import apply_tesseract

    with open_document(make()) as document:
        image = document.page(0).image
    pytesseract.pytesseract.tesseract_cmd = str(ocr.tesseract_command())
    texts, boxes = apply_tesseract(image, "eng", "")  # what the pipeline runs itself

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where the page file goes
    words = ocr_words(image, "eng")

    assert [w.text for w in words] == texts
    assert [list(w.box) for w in words] == [list(box) for box in boxes]
    assert not list(tmp_path.iterdir())  # the page file is gone


def test_transparent_page_is_read_on_white_paper() -> None:
    ink = Image.open(invoices.classic_png()).convert("L").point(lambda v: 255 - v)
    page = Image.new("RGBA", ink.size, (0, 0, 0, 0))  # black everywhere, seen only as ink
    page.putalpha(ink)  # dropping the transparency would leave a black page

    texts = [w.text for w in ocr_words(page)]

    assert invoices.INVOICE_NUMBER in texts


def test_blank_page_gives_no_words() -> None:
    assert _read(invoices.blank_png()) == []


def test_text_layer_boxes_agree_with_what_ocr_sees_on_the_rendered_page() -> None:
    for path in (invoices.text_layer_pdf(), invoices.rotated_text_pdf()):
        with open_document(path) as document:
            page = document.page(0)
        assert page.words is not None
        layer = {w.text: w.box for w in page.words}
        seen = {w.text: w.box for w in ocr_words(page.image)}
        for text in (invoices.TEXT_PDF_NUMBER, invoices.TEXT_PDF_TOTAL):
            assert max(abs(a - b) for a, b in zip(layer[text], seen[text])) <= 5, path.name


def test_installed_languages_have_english_names_and_skip_orientation_data() -> None:
    languages = ocr.installed_languages()
    assert ("eng", "English") in languages
    assert all(code != "osd" for code, _ in languages)


def test_missing_language_says_how_to_install_it() -> None:
    image = Image.new("RGB", (200, 100), "white")
    with pytest.raises(OcrLanguageMissing) as caught:
        ocr_words(image, "zzz")
    assert "'zzz'" in str(caught.value)
    assert "sudo apt install tesseract-ocr-zzz" in str(caught.value)
    with pytest.raises(OcrLanguageMissing, match="tesseract-ocr-zzz"):
        ocr.check_language("eng+zzz")
    ocr.check_language("eng")


def test_missing_tesseract_is_reported_with_install_instructions(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "linux")
    assert ocr.tesseract_command() is None
    assert not ocr.tesseract_available()
    with pytest.raises(OcrUnavailable) as caught:
        ocr_words(Image.new("RGB", (10, 10), "white"))
    message = str(caught.value)
    assert message.startswith("Tesseract OCR is not installed.")
    assert "sudo apt install tesseract-ocr" in message
    assert "brew install tesseract" in message
    assert "Windows" in message


@pytest.mark.skipif(os.name != "posix", reason="uses a shell script as the bundled tesseract")
def test_frozen_app_uses_its_bundled_tesseract_and_tessdata(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = shutil.which("tesseract")
    assert real is not None
    listing = subprocess.run([real, "--list-langs"], capture_output=True, text=True).stdout
    data = Path(listing.split('"')[1])  # List of available languages in "/usr/share/...":
    bundle = tmp_path / "app" / "tesseract"
    bundle.mkdir(parents=True)
    (bundle / "tessdata").symlink_to(data)
    log = tmp_path / "calls.log"
    script = bundle / "tesseract"
    script.write_text(f'#!/bin/sh\necho "$@" >> "{log}"\nexec "{real}" "$@"\n')
    script.chmod(0o755)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "app" / "pipedeck"))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))

    assert ocr.tesseract_command() == script
    assert ("eng", "English") in ocr.installed_languages()
    words = _read(invoices.classic_png())
    assert invoices.INVOICE_NUMBER in [w.text for w in words]
    assert f"--tessdata-dir {bundle / 'tessdata'}" in log.read_text()
