"""Opening scans, photos and PDFs as pages, and refusing what cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from engine import documents
from engine.documents import MAX_SIDE, open_document, render_scale, to_rgb
from engine.errors import InputError
from tests import invoices

pytestmark = pytest.mark.timeout(60)


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "TIFF", "BMP", "WEBP"])
def test_each_image_format_opens_as_one_rgb_page(fmt: str) -> None:
    path = invoices.classic_png() if fmt == "PNG" else invoices.classic_as(fmt)
    with open_document(path) as document:
        assert document.page_count == 1
        page = document.page(0)
    assert page.image.mode == "RGB"
    assert page.image.size == (1240, 1754)
    assert page.words is None  # pixels only: OCR will read it


def test_multi_page_tiff_gives_each_frame_as_a_page_in_any_order() -> None:
    with open_document(invoices.two_page_tiff()) as document:
        assert document.page_count == 2
        second, first = document.page(1), document.page(0)
    assert (first.index, second.index) == (0, 1)
    # The second frame has the dark header band of the "modern" layout; the first does not.
    assert second.image.getpixel((20, 20)) != first.image.getpixel((20, 20))


def test_scanned_pdf_renders_every_page_near_200_dpi_without_words() -> None:
    with open_document(invoices.two_page_pdf()) as document:
        pages = list(document.pages())
    assert [p.index for p in pages] == [0, 1]
    # Saved at 150 dpi from 1240 px wide: 595 pt, rendered at 200 dpi.
    assert all(abs(p.image.size[0] - 1654) <= 2 for p in pages)
    assert all(p.words is None for p in pages)


def test_pdf_text_layer_gives_words_and_boxes_without_ocr() -> None:
    with open_document(invoices.text_layer_pdf()) as document:
        page = document.page(0)
    assert page.words is not None
    texts = [w.text for w in page.words]
    assert invoices.TEXT_PDF_NUMBER in texts
    assert invoices.TEXT_PDF_TOTAL in texts
    assert texts[:3] == ["ACME", "Supplies", "Ltd"]
    for word in page.words:
        x0, y0, x1, y1 = word.box
        assert 0 <= x0 < x1 <= 1000 and 0 <= y0 < y1 <= 1000
    boxes = {w.text: w.box for w in page.words}
    assert boxes["ACME"][1] < boxes[invoices.TEXT_PDF_NUMBER][1]  # top of the page comes first


def test_rotated_pdf_page_boxes_follow_the_page_as_displayed() -> None:
    with open_document(invoices.rotated_text_pdf()) as document:
        page = document.page(0)
    assert page.image.size[0] > page.image.size[1]  # shown landscape
    assert page.words is not None
    x0, y0, x1, y1 = next(w.box for w in page.words if w.text == invoices.TEXT_PDF_NUMBER)
    assert y1 - y0 > x1 - x0  # the line runs down the displayed page
    assert x0 > 500  # text that was at the left edge is now at the right


def test_long_pdf_opens_without_rendering_and_gives_any_page_on_demand() -> None:
    with open_document(invoices.many_pages_pdf(300)) as document:
        assert document.page_count == 300
        last = document.page(299)
        pages = document.pages()
        assert next(pages).index == 0  # an iterator: one page rendered per step
    assert last.index == 299 and last.words is not None


def test_page_of_a_closed_pdf_is_an_error_not_a_crash() -> None:
    document = open_document(invoices.text_layer_pdf())
    document.close()
    with pytest.raises(ValueError, match="closed"):
        document.page(0)


def test_pdf_with_broken_cross_reference_table_is_repaired_and_read() -> None:
    with open_document(invoices.broken_xref_pdf()) as document:
        page = document.page(0)
    assert page.words is not None
    assert invoices.TEXT_PDF_NUMBER in [w.text for w in page.words]


@pytest.mark.parametrize(("make", "reason"), [
    (invoices.password_pdf, "the PDF is password-protected"),
    (invoices.zero_page_pdf, "the PDF has no pages"),
    (invoices.truncated_pdf, "the PDF is damaged or incomplete"),
    (invoices.corrupt_jpeg, "the image is damaged or incomplete"),
    (invoices.garbage_jpeg, "the image is damaged"),
    (invoices.text_file, "it is not a PDF or an image"),
    (invoices.mp3_file, "it is not a PDF or an image"),
    (invoices.empty_file, "the file is empty"),
])
def test_unreadable_files_raise_input_error_naming_file_and_reason(make, reason: str) -> None:
    path = make()
    with pytest.raises(InputError) as caught, open_document(path) as document:
        document.page(0)
    assert caught.value.source == str(path)
    assert caught.value.reason.startswith(reason)
    assert str(caught.value).startswith(f"could not read '{path.name}': ")


def test_password_error_is_not_a_stale_code_from_the_previous_pdf() -> None:
    with pytest.raises(InputError, match="password"):
        open_document(invoices.password_pdf())
    with pytest.raises(InputError) as caught:
        open_document(invoices.zero_page_pdf())
    assert "password" not in caught.value.reason


def test_missing_file_and_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        open_document(tmp_path / "nope.pdf")
    with pytest.raises(InputError, match="folder"):
        open_document(tmp_path)


@pytest.mark.parametrize("side", [20000, 12000])
def test_huge_image_is_refused_from_its_header_before_decoding(side: int) -> None:
    # The file holds 4 rows of pixels: decoding would fail as "truncated", not "too large".
    path = invoices.huge_png(side, side)
    assert path.stat().st_size < 200
    with pytest.raises(InputError) as caught:
        open_document(path)
    assert f"{side * side // 1_000_000} million pixels" in caught.value.reason
    assert "too large" in caught.value.reason


def test_pixel_limit_follows_pillows_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1_000_000)
    with pytest.raises(InputError, match="too large"):
        open_document(invoices.classic_png())


def test_transparent_background_becomes_white_paper() -> None:
    image = Image.new("RGBA", (40, 20), (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle((0, 0, 9, 9), fill=(0, 0, 0, 255))
    rgb = to_rgb(image)
    assert rgb.mode == "RGB"
    assert rgb.getpixel((30, 15)) == (255, 255, 255)
    assert rgb.getpixel((5, 5)) == (0, 0, 0)


def test_render_scale_is_dpi_for_paper_and_capped_for_posters() -> None:
    assert render_scale(595, 842, 200) == pytest.approx(200 / 72)
    poster = render_scale(200 * 72, 100 * 72, 200)
    assert 200 * 72 * poster <= MAX_SIDE + 1
    assert 200 * 72 * poster * 100 * 72 * poster <= MAX_SIDE * MAX_SIDE


def test_big_photo_is_downscaled_to_the_side_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents, "MAX_SIDE", 600)
    with open_document(invoices.classic_png()) as document:
        image = document.page(0).image
    assert max(image.size) == 600
    assert image.size[0] == round(1240 * 600 / 1754)
