"""h46f: what a visitor types at the kiosk is kept as people will read it.

A probe sent the guest book, from the kiosk's own API, a name of three zero-width spaces (a visitor
with no name on the Kasubag's queue), `SARI <U+202E>AYAHAW` (the queue showed "SARI WAHAYA", a name
the search and the watch list never saw), and an institution holding control characters (boxes on
the staff's screens and in the PDFs). The README's words: bad input gets a clear message in the
user's language and a 4xx, loses nothing, and the server keeps serving; a watch-list entry names a
person by name and institution "whatever the case, punctuation or legal form".
"""
from __future__ import annotations

import csv
import io
import unicodedata
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from lpsedesk.clock import wib_today
from lpsedesk.extensions import db
from lpsedesk.models import Visit, WatchEntry
from lpsedesk.roles import Role

from ..conftest import logged_in_client
from .conftest import entry

REQUIRED_ID = "Kolom ini wajib diisi."  # "This field is required." as the kiosk says it in Indonesian
ZWSP, WORD_JOINER, RLO, LRI, PDI, BOM, SOFT_HYPHEN = "\u200b", "\u2060", "\u202e", "\u2066", "\u2069", "\ufeff", "\u00ad"


def _send(kiosk, **fields):
    return kiosk.post_json("/visits", entry(capture="", no_camera=True, **fields))


def _stored(app) -> Visit:
    with app.app_context():
        visit = db.session.scalars(select(Visit)).one()
        db.session.expunge(visit.visitor)
        db.session.expunge(visit)
        return visit


@pytest.mark.parametrize("field", ["full_name", "institution"])
@pytest.mark.parametrize("blank", [ZWSP * 3, ZWSP + WORD_JOINER + BOM, "\x01\x7f", RLO + PDI])
def test_a_field_of_characters_nobody_sees_is_refused_as_empty_in_the_visitors_language(app, kiosk, field, blank):
    response = _send(kiosk, **{field: blank})
    assert response.status_code == 400
    assert response.json["fields"][field] == REQUIRED_ID
    with app.app_context():
        assert db.session.scalars(select(Visit)).all() == []
    assert kiosk.client.get("/healthz").status_code == 200


def test_a_purpose_told_only_in_invisible_characters_is_refused_as_empty(app, kiosk):
    response = _send(kiosk, purpose="other", purpose_detail=ZWSP + SOFT_HYPHEN + ZWSP)
    assert response.status_code == 400
    assert response.json["fields"]["purpose_detail"] == REQUIRED_ID


def test_a_right_to_left_override_does_not_turn_the_name_staff_read_into_another(app, kiosk):
    response = _send(kiosk, full_name=f"Sari {RLO}Ayahaw", institution=f"CV {LRI}Contoh{PDI} Sejahtera")
    assert response.status_code == 201, response.json
    visit = _stored(app)
    # stored, searched, exported and shown as the letters typed, in the order typed
    assert visit.visitor.full_name == "SARI AYAHAW"
    assert visit.visitor.institution == "CV Contoh Sejahtera"


def test_control_and_zero_width_characters_leave_the_name_the_staff_see(app, kiosk, make_user):
    response = _send(kiosk, full_name=f"Bu{ZWSP}di{SOFT_HYPHEN} San\x07tosa",
                     institution="CV Uji\x01\x7f\x1b[31m Coba", purpose="other",
                     purpose_detail=f"Verifikasi{ZWSP} dokumen\nbaris kedua\x08")
    assert response.status_code == 201, response.json
    visit = _stored(app)
    assert visit.visitor.full_name == "BUDI SANTOSA"
    assert visit.visitor.institution == "CV Uji[31m Coba"
    assert visit.purpose_detail == "Verifikasi dokumen\nbaris kedua"  # its line break is the visitor's own
    make_user("kasubag", Role.KASUBAG)
    day = f"{wib_today():%Y-%m-%d}"
    exported = logged_in_client(app, "kasubag").get("/admin/reports/guestbook.csv", query_string={"from": day, "to": day})
    assert exported.status_code == 200
    rows = list(csv.reader(io.StringIO(exported.get_data(as_text=True).lstrip("\ufeff"))))
    assert any("BUDI SANTOSA" in row for row in rows), rows


def test_marks_piled_on_one_letter_are_cut_to_what_a_language_writes(app, kiosk):
    piled = "Zalgo" + "\u0301" * 30 + " Vi\u1ec7t Nguy\u0065\u0302\u0303n"  # the last: e, circumflex, tilde
    response = _send(kiosk, full_name=piled)
    assert response.status_code == 201, response.json
    name = _stored(app).visitor.full_name
    # a tower of 30 accents drew over the rows above it on the queue; two stay, as Vietnamese needs
    assert name == unicodedata.normalize("NFC", "ZALGO\u0301\u0301 VI\u1ec6T NGUY\u1ec4N")


def test_a_name_on_the_watch_list_is_matched_through_zero_width_characters(app, kiosk):
    with app.app_context():
        db.session.add(WatchEntry(full_name="Budi Santosa", name_key="BUDI SANTOSA", institution="CV Maju",
                                  institution_key="MAJU", reason="Sanksi daftar hitam",
                                  expires_on=date.today() + timedelta(days=30)))
        db.session.commit()
    response = _send(kiosk, full_name=f"BU{ZWSP}DI SAN{WORD_JOINER}TOSA", institution=f"CV Ma{SOFT_HYPHEN}ju")
    assert response.status_code == 201, response.json
    assert _stored(app).watch_reason == "Sanksi daftar hitam"


def test_an_e_mail_address_keeps_only_what_is_seen_of_it(app, kiosk):
    response = _send(kiosk, email=f"sari{ZWSP}@contoh{RLO}.id")
    assert response.status_code == 201, response.json
    assert _stored(app).visitor.email == "sari@contoh.id"
