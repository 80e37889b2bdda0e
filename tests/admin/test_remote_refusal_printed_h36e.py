"""h36e: SOP 2's refused letter on paper. Since h35r the Admin records that the third party was told of
the refusal (when, by whom, how), but the printed record of the letter (its page and its PDF) ended at
"Ditolak. Alasan: ..." and the daily digest listed no refused letter: a file or a morning's print
could not show that the answer was given, nor that it was still owed. The record says it (or that it
is still owed); the digest lists the refused letters whose third party is still to be told, and those
told since the last office day began (h38b; yesterday at the latest), with when, by whom and how."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from lpsedesk.i18n import format_wib

from .. import factories
from ..conftest import logged_in_client
from .test_remote_documents import pdf_pages
from .test_remote_flow import people  # noqa: F401 (fixture)
from .test_remote_support import now

REASON = "Surat belum ditandatangani pejabat yang berwenang"
NOTE = "Surat balasan no. 12/LPSE/XII/2026"
# 3 December 2026 09:00 WIB refused, 10:15 WIB told
REFUSED_AT = datetime(2026, 12, 3, 2, 0, tzinfo=timezone.utc)
TOLD_AT = datetime(2026, 12, 3, 3, 15, tzinfo=timezone.utc)


def _refused(app, people, name: str, *, decided_at: datetime, told_at: datetime | None = None) -> int:
    told = {"refusal_told_at": told_at, "refusal_told_by_id": people["admin"], "refusal_told_note": NOTE} \
        if told_at else {}
    with app.app_context():
        return factories.remote_request("denied", recorded_by_id=people["admin"], requester_name=name,
                                        instansi="PT Contoh Teknologi", decided_at=decided_at,
                                        decided_by_id=people["boss"], decision_reason=REASON, **told).id


def test_the_record_of_a_refused_letter_says_when_by_whom_and_how_the_third_party_was_told(app, people):
    rid = _refused(app, people, "Teknisi Diberi Tahu", decided_at=REFUSED_AT, told_at=TOLD_AT)
    admin = logged_in_client(app, "ani")
    (text,) = pdf_pages(admin.get(f"/admin/remote/{rid}/record.pdf").data)
    assert f"Ditolak. Alasan: {REASON}" in text
    told = text.split("Pemberitahuan penolakan", 1)[1]
    for expected in ("Pihak ketiga diberi tahu", NOTE, "3 Desember 2026 10:15 WIB", "Ani Admin"):
        assert expected in told, expected
    page = " ".join(admin.get(f"/admin/remote/{rid}/print").get_data(as_text=True).split())
    assert "Pemberitahuan penolakan" in page and NOTE in page and "3 Desember 2026 10:15 WIB" in page


def test_the_record_of_a_refused_letter_not_yet_answered_says_the_third_party_is_still_to_be_told(app, people):
    rid = _refused(app, people, "Teknisi Belum Diberi Tahu", decided_at=REFUSED_AT)
    (text,) = pdf_pages(logged_in_client(app, "bambang").get(f"/admin/remote/{rid}/record.pdf").data)
    assert "Pemberitahuan penolakan" in text
    assert "Pihak ketiga belum diberi tahu" in text.split("Pemberitahuan penolakan", 1)[1]


DIGEST = {"id": {"untold": "Pihak ketiga belum diberi tahu", "told": "Pihak ketiga sudah diberi tahu {time}."},
          "en": {"untold": "Third party not yet told", "told": "The third party was told {time}."}}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_digest_lists_the_refused_letters_still_owing_their_answer_and_those_answered_since_yesterday(
        app, people, lang):
    moment = now()
    told_at = moment - timedelta(minutes=5)  # today, or just before midnight yesterday: both in the digest
    untold = _refused(app, people, "Teknisi Menunggu Jawaban", decided_at=moment - timedelta(days=6))
    told = _refused(app, people, "Teknisi Sudah Dijawab", decided_at=moment - timedelta(hours=3), told_at=told_at)
    _refused(app, people, "Teknisi Dijawab Pekan Lalu", decided_at=moment - timedelta(days=8),
             told_at=moment - timedelta(days=7))
    for who in ("ani", "bambang"):
        page = logged_in_client(app, who).get(f"/admin/remote/digest?lang={lang}").get_data(as_text=True)
        assert 'id="digest-refused"' in page, f"{who}: the digest has no refused letters"
        section = " ".join(page.split('id="digest-refused"')[1].split("</section>")[0].split())
        rows = {row.split("</tr>")[0] for row in section.split("<tr")[2:]}
        owing = next(r for r in rows if "Teknisi Menunggu Jawaban" in r)
        assert DIGEST[lang]["untold"] in owing and f"/admin/remote/{untold}" in owing
        answered = next(r for r in rows if "Teknisi Sudah Dijawab" in r)
        assert DIGEST[lang]["told"].format(time=format_wib(told_at)) in answered, answered
        assert "Ani Admin" in answered and NOTE in answered and f"/admin/remote/{told}" in answered
        assert "Teknisi Dijawab Pekan Lalu" not in section  # answered a week ago: done, not this morning's news
