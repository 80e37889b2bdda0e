"""Issue 16: the guest book's PDF and workbook show a signature from the small copy stored when the
visit was submitted (a busy month's PDF read and decoded every full-size signature: 25 s of a
20,000-row month); a visit signed before small copies were kept still shows its signature."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest
from openpyxl import load_workbook
from PIL import Image, ImageDraw
from pypdf import PdfReader

from lpsedesk.signatures import make_small, small_png

from .. import factories

DAY = datetime(2026, 11, 18, 2, 0, tzinfo=timezone.utc)  # 09.00 WIB


def _drawn(points) -> Image.Image:
    image = Image.new("L", (900, 360), 255)  # the kiosk's signing box
    ImageDraw.Draw(image).line(points, fill=17, width=5, joint="curve")
    return image


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def desk(client, make_user, login):
    make_user("rina", "helpdesk", name="Rina Meja")
    login("rina")
    return client


@pytest.fixture
def signed_day(app):
    """Three visits of a day: signed with a small copy, signed before small copies were kept, unsigned."""
    storage = app.extensions["storage"]
    first = _drawn([(60, 300), (300, 40), (420, 320), (860, 60)])
    older = _drawn([(80, 80), (450, 330), (600, 60), (840, 300)])
    with app.app_context():
        a = factories.visit(visitor=factories.visitor(full_name="Pertama Dengan Salinan"), submitted_at=DAY,
                            signature_key=storage.save(_png(first), kind="signature"),
                            signature_small_key=storage.save(small_png(first), kind="signature"))
        b = factories.visit(visitor=factories.visitor(full_name="Kedua Tanpa Salinan", nik="3373021203850002"),
                            submitted_at=DAY + timedelta(minutes=5),
                            signature_key=storage.save(_png(older), kind="signature"))
        factories.visit(visitor=factories.visitor(full_name="Ketiga Tanpa Tanda Tangan", nik="3373021203850003"),
                        submitted_at=DAY + timedelta(minutes=10))
        keys = {"a_full": a.signature_key, "a_small": a.signature_small_key, "b_full": b.signature_key}
    opened: list[str] = []
    real_open = storage.open

    def spy(key: str) -> bytes:
        opened.append(key)
        return real_open(key)

    storage.open = spy
    yield {"keys": keys, "opened": opened, "pictures": [make_small(first), make_small(older)],
           "query": {"from": "2026-11-18", "to": "2026-11-18"}}
    storage.open = real_open


def _drawn_in_order(page):
    """The page's pictures in the order they are drawn, each with the height it is drawn at."""
    xobjects = page["/Resources"]["/XObject"]
    content = page.get_contents().get_data().decode("latin-1")
    out = []
    for match in re.finditer(r"([-\d.]+) ([-\d.]+) cm\s+(?:[-\d.]+ 0 0 [-\d.]+ 0 0 cm\s+)?(/\S+) Do", content):
        stream = xobjects[match.group(3)].get_object()
        if "/DecodeParms" in stream:  # every reader applies them only so (poppler ignored them beside a filter array)
            assert stream["/Filter"] == "/FlateDecode", stream
        pixels = np.frombuffer(stream.get_data(), np.uint8).reshape(stream["/Height"], stream["/Width"])
        out.append((float(match.group(2)), pixels))
    return out


def test_each_signed_row_shows_its_own_signature_read_from_the_small_copy_when_there_is_one(app, desk, signed_day):
    pdf = desk.get("/admin/reports/guestbook.pdf", query_string=signed_day["query"])
    assert pdf.status_code == 200
    page = PdfReader(io.BytesIO(pdf.data)).pages[0]
    text = page.extract_text()
    assert text.index("Pertama") < text.index("Kedua") < text.index("Ketiga")
    drawn = _drawn_in_order(page)
    assert len(drawn) == 2, "the two signed rows, not the unsigned one"
    assert drawn[0][0] > drawn[1][0], "the first row's signature above the second's"
    for (_y, pixels), expected in zip(drawn, signed_day["pictures"]):
        assert np.array_equal(pixels, np.asarray(expected)), "each row shows its own visitor's signature"
    if shutil.which("pdfimages"):  # as poppler (pdftoppm, most Linux viewers) reads them
        with tempfile.TemporaryDirectory() as folder:
            Path(folder, "book.pdf").write_bytes(pdf.data)
            subprocess.run(["pdfimages", "-png", "book.pdf", "p"], cwd=folder, check=True)
            read = [np.asarray(Image.open(f)) for f in sorted(Path(folder).glob("p-*.png"))]
        assert len(read) == 2 and all(np.array_equal(a, b) for a, b in zip(read, (p for _y, p in drawn)))
    keys, opened = signed_day["keys"], signed_day["opened"]
    assert keys["a_small"] in opened and keys["a_full"] not in opened, "the small copy, not the full signature"
    assert keys["b_full"] in opened, "signed before small copies were kept: made small when read"


def test_the_workbook_reads_the_small_copy_too(app, desk, signed_day):
    book = desk.get("/admin/reports/guestbook.xlsx", query_string=signed_day["query"])
    assert len(load_workbook(io.BytesIO(book.data)).active._images) == 2
    keys, opened = signed_day["keys"], signed_day["opened"]
    assert keys["a_small"] in opened and keys["a_full"] not in opened and keys["b_full"] in opened
