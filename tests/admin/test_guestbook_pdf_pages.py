"""A busy month's guest book PDF, page by page (issue 16: "PDFs of long periods built page by
page"): every visitor once and in order across the pages, the table's header on every page of
it, and no cell's text cut off: long names, institutions and two-line decisions wrap inside their
column and are read back whole."""
from __future__ import annotations

import io
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from PIL import Image, ImageDraw
from pypdf import PdfReader

from lpsedesk.exports import range_period

WIB = ZoneInfo("Asia/Jakarta")
NAMES = ["Sari", "Raden Ajeng Kartika Dewi Sekar Ayu Ningrum Wulandari", "Bùi Thị Ánh Nguyễn", "Śmigły Ørsted"]
INSTITUTIONS = ["CV Contoh", "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah Kabupaten Contoh",
                "PT Ñandú", "Dinas Pekerjaan Umum dan Penataan Ruang Kota Contoh"]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


class _Signatures:
    """A storage whose every key opens its own drawn signature."""

    def open(self, key: str) -> bytes:
        k = int(key.rsplit("-", 1)[1])
        image = Image.new("L", (600, 200), 255)
        ImageDraw.Draw(image).line([(40, 150), (200, 20 + k % 150), (330, 160), (560, 50 + k // 150)], fill=0, width=8)
        out = io.BytesIO()
        image.save(out, format="PNG")
        return out.getvalue()


def _rows(n: int):
    from lpsedesk.reports.guestbook import GuestBookRow

    start = datetime(2026, 11, 2, 7, 30, tzinfo=WIB)
    for number in range(1, n + 1):
        at = start + timedelta(minutes=7 * number)
        yield GuestBookRow(
            number=number, visit_id=number, day=at.date(), name=f"{NAMES[number % 4]} {number}",
            nik="3373**********01", institution=INSTITUTIONS[number % 4], category="penyedia",
            purpose="verification", purpose_detail="", facility="verification_desk", time_in=at,
            time_out=at + timedelta(minutes=20), status="reported", decision="approved",
            decided_by="Dewi Plh a.n. Bambang Kasubag" if number % 3 == 0 else "Bambang", decision_reason="",
            signature_key=f"sig-{number}" if number % 2 else None)


def test_a_long_guest_book_pdf_has_every_visitor_once_in_order_with_the_header_on_every_page(app):
    from admin.reports.documents import guestbook_spec
    from admin.reports.guestbook_files import guestbook_pdf
    from lpsedesk.reports.guestbook import Tally

    n = 400
    with app.test_request_context("/"):
        period = range_period(date(2026, 11, 1), date(2026, 11, 30))
        pdf = guestbook_pdf(_rows(n), lambda rows: guestbook_spec(rows, period, Tally(n, n, 0)), _Signatures())
    pages = PdfReader(io.BytesIO(pdf)).pages
    texts = [page.extract_text() for page in pages]
    table_pages = [t for t in texts if re.search(r"\d\d/11/2026", t)]
    assert len(table_pages) > 10
    for text in table_pages:  # the header row heads every page of the table
        flat = squash(text)
        assert flat.count(squash("Tanda tangan")) == 1 and flat.index("No.") < flat.index("/11/2026")
    numbers = [int(m) for t in table_pages for m in re.findall(r"(?m)^(\d+)\n\d\d/11/2026$", t)]
    assert numbers == list(range(1, n + 1)), "every visitor exactly once, in order, across the pages"
    everything = squash("".join(texts))
    position = 0
    for row in _rows(n):  # each cell read back whole, in the row's order
        for cell in (row.name, row.institution, row.decided_by):
            found = everything.find(squash(cell), position)
            assert found >= 0, f"row {row.number}: {cell!r} cut off or out of order"
        position = everything.find(squash(row.name), position)
    assert sum(len(page.images) for page in pages) == n // 2, "each signed row's signature, once"
    assert squash("Kepala Sub Bagian Pengelolaan LPSE") in squash(texts[-1])
