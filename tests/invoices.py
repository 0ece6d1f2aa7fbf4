"""Invoices and broken documents for the document-QA tests, rendered locally and cached.

Every file is made here with Pillow or by writing PDF bytes by hand (no network, no
``qpdf``), once, under ``~/.cache/pipedeck-tests/docs/<version>``; bump ``_VERSION`` when a
generator changes. Each builder returns the path of its file.

Known facts about the invoices live in the constants below so tests can look for them.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

INVOICE_NUMBER = "INV-2024-0042"
TOTAL = "1,234.50"
SECOND_NUMBER = "INV-2024-0117"
TEXT_PDF_NUMBER = "INV-2024-0777"
TEXT_PDF_TOTAL = "2,048.00"
PDF_PASSWORD = "secret"

_VERSION = "v2"
_PAGE = (1240, 1754)  # A4 at 150 dpi: large enough for tesseract, small enough to be quick


def docs_dir() -> Path:
    base = os.environ.get("PIPEDECK_TEST_CACHE") or Path.home() / ".cache" / "pipedeck-tests"
    folder = Path(base) / "docs" / _VERSION
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _cached(name: str, make: Callable[[Path], None]) -> Path:
    path = docs_dir() / name
    if not path.exists():
        tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
        make(tmp)
        os.replace(tmp, path)
    return path


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


# ---------------------------------------------------------------- rendered invoices

def _classic(number: str, total: str, *, with_total: bool = True) -> Image.Image:
    page = Image.new("RGB", _PAGE, "white")
    draw = ImageDraw.Draw(page)
    big, text = _font(56), _font(34)
    draw.text((90, 90), "ACME Supplies Ltd", font=big, fill="black")
    draw.text((90, 170), "12 Harbour Road, Bristol", font=text, fill="black")
    draw.text((90, 300), f"Invoice number: {number}", font=text, fill="black")
    draw.text((90, 350), "Invoice date: 2024-03-15", font=text, fill="black")
    draw.text((90, 400), "Bill to: Northwind Traders", font=text, fill="black")
    draw.line((90, 500, 1150, 500), fill="black", width=3)
    y = 530
    for desc, amount in (("Consulting services", "900.00"), ("Travel", "334.50")):
        draw.text((90, y), desc, font=text, fill="black")
        draw.text((900, y), amount, font=text, fill="black")
        y += 60
    if with_total:
        draw.line((90, y + 10, 1150, y + 10), fill="black", width=3)
        draw.text((90, y + 40), f"Total amount due: EUR {total}", font=text, fill="black")
    return page


def _modern(number: str, total: str) -> Image.Image:
    """Two columns, a dark header band, the number at the top right."""
    page = Image.new("RGB", _PAGE, "white")
    draw = ImageDraw.Draw(page)
    text = _font(34)
    draw.rectangle((0, 0, _PAGE[0], 220), fill=(30, 30, 60))
    draw.text((90, 80), "BLUEWAVE DESIGN", font=_font(60), fill="white")
    draw.text((760, 300), "INVOICE", font=_font(48), fill="black")
    draw.text((760, 370), f"No. {number}", font=text, fill="black")
    draw.text((760, 420), "Due: 2024-04-30", font=text, fill="black")
    draw.text((90, 300), "Customer:", font=text, fill="black")
    draw.text((90, 350), "Contoso GmbH", font=text, fill="black")
    draw.text((90, 700), "Web design  1  800.00", font=text, fill="black")
    draw.text((90, 760), "Hosting  12  36.20", font=text, fill="black")
    draw.rectangle((700, 900, 1150, 980), outline="black", width=3)
    draw.text((720, 920), f"TOTAL {total}", font=text, fill="black")
    return page


def _blank(path: Path) -> None:
    Image.new("RGB", _PAGE, "white").save(path, "PNG")


def classic_png() -> Path:
    return _cached("classic.png", lambda p: _classic(INVOICE_NUMBER, TOTAL).save(p, "PNG"))


def modern_png() -> Path:
    return _cached("modern.png", lambda p: _modern(SECOND_NUMBER, TOTAL).save(p, "PNG"))


def classic_as(fmt: str) -> Path:
    """The classic invoice as JPEG, BMP, WEBP or TIFF."""
    ext = {"JPEG": "jpg", "BMP": "bmp", "WEBP": "webp", "TIFF": "tif"}[fmt]
    extra: dict[str, object] = {"quality": 90} if fmt in ("JPEG", "WEBP") else {}
    if fmt == "TIFF":
        extra = {"compression": "tiff_lzw"}
    return _cached(f"classic.{ext}",
                   lambda p: _classic(INVOICE_NUMBER, TOTAL).save(p, fmt, **extra))


def rotated_png() -> Path:
    """A page fed into the scanner a little crooked (3 degrees)."""
    def make(path: Path) -> None:
        image = _classic(INVOICE_NUMBER, TOTAL).rotate(3, expand=True, fillcolor="white",
                                                        resample=Image.Resampling.BICUBIC)
        image.save(path, "PNG")
    return _cached("rotated.png", make)


def noisy_scan_jpg() -> Path:
    """Grey paper, speckle noise, a slight blur and strong JPEG compression."""
    def make(path: Path) -> None:
        image = _classic(INVOICE_NUMBER, TOTAL).convert("L")
        rng = random.Random(7)
        noise = Image.effect_noise(image.size, 40)
        image = Image.blend(image, noise, 0.15).filter(ImageFilter.GaussianBlur(0.8))
        image = image.point(lambda v: max(0, min(255, v - 20 + rng.randint(0, 1))))
        image.save(path, "JPEG", quality=55)
    return _cached("noisy_scan.jpg", make)


def blank_png() -> Path:
    return _cached("blank.png", _blank)


def two_page_tiff() -> Path:
    def make(path: Path) -> None:
        first = _classic(INVOICE_NUMBER, TOTAL, with_total=False)
        second = _modern(SECOND_NUMBER, TOTAL)
        first.save(path, "TIFF", save_all=True, append_images=[second], compression="tiff_lzw")
    return _cached("two_pages.tif", make)


def two_page_pdf() -> Path:
    """Image-only PDF (a scan): the number on page 1, the total only on page 2."""
    def make(path: Path) -> None:
        first = _classic(INVOICE_NUMBER, TOTAL, with_total=False)
        second = Image.new("RGB", _PAGE, "white")
        draw = ImageDraw.Draw(second)
        draw.text((90, 200), "Page 2 of 2", font=_font(34), fill="black")
        draw.text((90, 300), f"Total amount due: EUR {TOTAL}", font=_font(34), fill="black")
        first.save(path, "PDF", save_all=True, append_images=[second], resolution=150)
    return _cached("two_pages_scan.pdf", make)


def blank_second_page_pdf() -> Path:
    """An image-only PDF whose second page is blank."""
    def make(path: Path) -> None:
        blank = Image.new("RGB", _PAGE, "white")
        _classic(INVOICE_NUMBER, TOTAL).save(path, "PDF", save_all=True, append_images=[blank],
                                             resolution=150)
    return _cached("blank_second_page.pdf", make)


# ---------------------------------------------------------------- hand-written PDFs

def _pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A complete PDF from object bodies numbered 1..n (object 1 is the catalog)."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, trailer, xref)
    return bytes(out)


def _text_page_content() -> bytes:
    lines = [
        (72, 730, 22, "ACME Supplies Ltd"),
        (72, 680, 13, f"Invoice number: {TEXT_PDF_NUMBER}"),
        (72, 660, 13, "Invoice date: 2024-05-02"),
        (72, 640, 13, "Bill to: Northwind Traders"),
        (72, 580, 13, "Consulting services 2,000.00"),
        (72, 560, 13, "Travel 48.00"),
        (72, 500, 15, f"Total amount due: EUR {TEXT_PDF_TOTAL}"),
    ]
    ops = [b"BT /F1 %d Tf 1 0 0 1 %d %d Tm (%s) Tj ET" % (size, x, y, text.encode("latin-1"))
           for x, y, size, text in lines]
    return b"\n".join(ops)


def _text_pdf_objects(content: bytes, rotate: int = 0) -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Rotate %d " % rotate +
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]


def text_layer_pdf() -> Path:
    """A 'born digital' invoice: real text drawn with Helvetica, so no OCR is needed."""
    return _cached("text_layer.pdf",
                   lambda p: p.write_bytes(_pdf(_text_pdf_objects(_text_page_content()))))


def rotated_text_pdf() -> Path:
    """The text invoice on a page displayed turned a quarter (``/Rotate 90``)."""
    return _cached("text_layer_rotated.pdf",
                   lambda p: p.write_bytes(_pdf(_text_pdf_objects(_text_page_content(), 90))))


def many_pages_pdf(pages: int = 300) -> Path:
    """A long text PDF (one small content stream shared by every page)."""
    def make(path: Path) -> None:
        content = _text_page_content()
        kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
        objects = [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        ]
        objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                    b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"] * pages
        path.write_bytes(_pdf(objects))
    return _cached(f"pages_{pages}.pdf", make)


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def password_pdf() -> Path:
    """The text invoice encrypted with the standard security handler (RC4 40-bit, R2).

    Written by hand because no PDF tool that can encrypt (qpdf, pikepdf) is installed; the
    user password is ``PDF_PASSWORD``, so pdfium refuses it without one.
    """
    def make(path: Path) -> None:
        user = (PDF_PASSWORD.encode() + _PAD)[:32]
        owner_key = hashlib.md5((b"owner" + _PAD)[:32]).digest()[:5]
        o_entry = _rc4(owner_key, user)
        permissions = -44
        file_id = hashlib.md5(b"pipedeck-test").digest()
        key = hashlib.md5(user + o_entry + struct.pack("<i", permissions) + file_id).digest()[:5]
        u_entry = _rc4(key, _PAD)
        objects = _text_pdf_objects(b"")
        content = _text_page_content()
        object_key = hashlib.md5(key + struct.pack("<I", 5)[:3] + b"\x00\x00").digest()[:10]
        encrypted = _rc4(object_key, content)
        objects[4] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(encrypted), encrypted)
        objects.append(b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (
            o_entry.hex().encode(), u_entry.hex().encode(), permissions))
        trailer = b"/Encrypt 6 0 R /ID [<%s> <%s>]" % (file_id.hex().encode(),
                                                        file_id.hex().encode())
        path.write_bytes(_pdf(objects, trailer))
    return _cached("password.pdf", make)


def zero_page_pdf() -> Path:
    return _cached("zero_pages.pdf", lambda p: p.write_bytes(_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])))


def broken_xref_pdf() -> Path:
    """Intact objects behind a garbled cross-reference table: readers repair these."""
    def make(path: Path) -> None:
        data = _pdf(_text_pdf_objects(_text_page_content()))
        start = data.index(b"xref\n")
        path.write_bytes(data[:start] + b"xref\n0 6\nGARBAGE 0000 x\n" + data[start + 60:])
    return _cached("broken_xref.pdf", make)


def truncated_pdf() -> Path:
    """A download cut off a third of the way: no xref, no trailer, half an object."""
    def make(path: Path) -> None:
        data = _pdf(_text_pdf_objects(_text_page_content()))
        path.write_bytes(data[: len(data) // 3])
    return _cached("truncated.pdf", make)


# ---------------------------------------------------------------- other bad inputs

def corrupt_jpeg() -> Path:
    """A JPEG whose data stops after the header and a few scan bytes."""
    def make(path: Path) -> None:
        buffer = io.BytesIO()
        _classic(INVOICE_NUMBER, TOTAL).save(buffer, "JPEG", quality=80)
        data = buffer.getvalue()
        path.write_bytes(data[: len(data) // 10])
    return _cached("corrupt.jpg", make)


def garbage_jpeg() -> Path:
    """JPEG start-of-image marker followed by noise."""
    return _cached("garbage.jpg",
                   lambda p: p.write_bytes(b"\xff\xd8\xff\xe0" + random.Random(1).randbytes(2000)))


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def huge_png(width: int = 20000, height: int = 20000) -> Path:
    """A few-hundred-byte PNG whose header claims ``width`` x ``height`` pixels.

    Its pixel data is a short, valid zlib stream, so a reader that decodes before checking the
    size would try to allocate gigabytes.
    """
    def make(path: Path) -> None:
        header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
        row = b"\x00" + b"\xff" * 16
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header)
                         + _png_chunk(b"IDAT", zlib.compress(row * 4)) + _png_chunk(b"IEND", b""))
    return _cached(f"huge_{width}x{height}.png", make)


def empty_file() -> Path:
    return _cached("empty.pdf", lambda p: p.write_bytes(b""))


def text_file() -> Path:
    return _cached("notes.txt", lambda p: p.write_text("Invoice number: INV-1\n", "utf-8"))


def mp3_file() -> Path:
    """ID3 header and an MPEG audio frame header: clearly not a document."""
    return _cached("song.mp3", lambda p: p.write_bytes(
        b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x64" + bytes(400)))
