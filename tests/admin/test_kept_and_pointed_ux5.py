"""ux5: what ux4 left. (a) The Admin recording a remote-access request chose the scanned letter and made a
mistake in another field: the letter had to be attached again. It is now kept, named on the form
("Surat permohonan terlampir: <name> (ganti)") and used when the form is sent again; nothing is lost
and no held file stays on disk after it expires. (b) A delegation whose last day has passed put the
cursor in the first day: the message is now said beside the last day only, naming the day and what to
write instead."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from lpsedesk import held_files
from lpsedesk.clock import wib_today
from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest

from ..conftest import logged_in_client
from .test_asked_again_beside_the_field import _delegate, _no_delegation
from .test_forms_say_what_to_fix import label_of
from .test_remote_support import png_letter, record


@pytest.fixture
def people(app, make_user):
    return {"admin": make_user("ani", "admin", name="Ani Admin"),
            "other": make_user("dewi", "admin", name="Dewi Admin"),
            "boss": make_user("bambang", "kasubag", name="Bambang Kasubag"),
            "desk": make_user("rina", "helpdesk", name="Rina Helpdesk")}


@pytest.fixture
def admin(app, people):
    return logged_in_client(app, "ani")


def held_token(page: str) -> str:
    match = re.search(r'name="letter_held" value="([^"]+)"', page)
    assert match, "the form does not carry the held letter"
    return match[1]


def held_files_on_disk(app) -> list[str]:
    with app.app_context():
        return list(app.extensions["storage"].keys(held_files.KIND))


def requests(app) -> list[RemoteAccessRequest]:
    with app.app_context():
        rows = db.session.scalars(select(RemoteAccessRequest)).all()
        for row in rows:
            db.session.expunge(row)
        return rows


# --- (a) the letter kept across a form error -------------------------------------------------------

def test_a_letter_chosen_with_a_mistake_elsewhere_is_kept_named_and_used_when_sent_again(app, admin):
    response = record(admin, filename="surat-pt-contoh.pdf", requester_name="")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and requests(app) == []
    assert "Surat permohonan terlampir:" in page and "surat-pt-contoh.pdf" in page and "ganti" in page
    assert "Lampirkan surat lagi" not in page  # ux4 asked to attach it again
    assert "tidak perlu dipilih lagi" in page
    token = held_token(page)
    assert len(held_files_on_disk(app)) == 1

    response = record(admin, letter=False, letter_held=token)  # the name typed, no file chosen again
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    [req] = requests(app)
    with app.app_context():
        assert app.extensions["storage"].open(req.letter_key).startswith(b"%PDF-")
    assert req.letter_content_type == "application/pdf"
    assert held_files_on_disk(app) == []  # the held copy is gone once the request is recorded


def test_a_kept_letter_survives_a_second_mistake_and_a_new_file_replaces_it(app, admin):
    token = held_token(record(admin, requester_name="").get_data(as_text=True))
    page = record(admin, letter=False, letter_held=token, instansi="").get_data(as_text=True)
    token = held_token(page)
    assert "surat.pdf" in page and len(held_files_on_disk(app)) == 1
    # another file chosen: it replaces the kept one (still one held file) and is the one recorded
    page = record(admin, letter=png_letter(), filename="pindaian.png", letter_held=token, instansi="").get_data(as_text=True)
    assert "pindaian.png" in page and "surat.pdf" not in label_of(page, "letter")
    assert len(held_files_on_disk(app)) == 1
    assert record(admin, letter=False, letter_held=held_token(page)).status_code == 302
    assert requests(app)[0].letter_content_type == "image/png" and held_files_on_disk(app) == []


def test_no_letter_at_all_is_said_beside_the_letter_field(app, admin):
    response = record(admin, letter=False)
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and requests(app) == []
    assert "Lampirkan hasil pindai surat." in label_of(page, "letter")


def test_a_bad_letter_is_said_beside_the_field_and_keeps_the_letter_held_before(app, admin):
    token = held_token(record(admin, requester_name="").get_data(as_text=True))
    response = record(admin, letter=b"<html>not a letter</html>", filename="x.pdf", letter_held=token)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Surat harus berupa PDF" in label_of(page, "letter")
    assert held_token(page) == token and "surat.pdf" in page


def test_a_held_letter_is_only_for_the_staff_member_who_attached_it(app, admin, people):
    token = held_token(record(admin, requester_name="").get_data(as_text=True))
    other = logged_in_client(app, "dewi")
    response = record(other, letter=False, letter_held=token)
    assert response.status_code == 400 and requests(app) == []
    assert "Lampirkan hasil pindai surat." in label_of(response.get_data(as_text=True), "letter")


def test_a_held_letter_expires_and_leaves_no_file_behind(app, admin, monkeypatch):
    token = held_token(record(admin, requester_name="").get_data(as_text=True))
    [key] = held_files_on_disk(app)
    later = held_files.HOLD_FOR + timedelta(minutes=1)
    from lpsedesk import models
    real_now = models.utcnow
    monkeypatch.setattr("admin.remote.views.utcnow", lambda: real_now() + later)
    response = record(admin, letter=False, letter_held=token)  # too late: asked for the letter, file gone
    assert response.status_code == 400 and requests(app) == []
    assert "Lampirkan hasil pindai surat." in label_of(response.get_data(as_text=True), "letter")
    assert held_files_on_disk(app) == []


def test_the_purge_deletes_held_letters_nobody_came_back_for(app, admin):
    record(admin, requester_name="")
    with app.app_context():
        storage = app.extensions["storage"]
        from lpsedesk.models import utcnow
        assert held_files.sweep_expired(storage, utcnow()) == 0  # still held
        assert held_files.sweep_expired(storage, utcnow() + held_files.HOLD_FOR + timedelta(seconds=5)) == 1
    assert held_files_on_disk(app) == []


# --- (b) a delegation's days --------------------------------------------------------------------

def test_a_last_day_already_past_is_said_beside_the_last_day_only_naming_it(app, admin, people):
    past = wib_today() - timedelta(days=3)
    response = _delegate(admin, people, starts_on=(past - timedelta(days=2)).strftime("%d/%m/%Y"),
                         ends_on=past.strftime("%d/%m/%Y"))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    last, first = label_of(page, "ends_on"), label_of(page, "starts_on")
    assert f"Tanggal berakhir, {past:%d/%m/%Y}, sudah lewat." in last
    assert f"hari ini ({wib_today():%d/%m/%Y})" in last and 'aria-invalid="true"' in last
    assert "error" not in first and "aria-invalid" not in first  # the cursor goes to the last day
    _no_delegation(app)


def test_a_last_day_before_the_first_is_said_beside_the_last_day(app, admin, people):
    today = wib_today()
    response = _delegate(admin, people, starts_on=(today + timedelta(days=5)).strftime("%d/%m/%Y"),
                         ends_on=(today + timedelta(days=2)).strftime("%d/%m/%Y"))
    last = label_of(response.get_data(as_text=True), "ends_on")
    assert response.status_code == 400 and "sebelum tanggal mulai" in last and 'aria-invalid="true"' in last
    assert "aria-invalid" not in label_of(response.get_data(as_text=True), "starts_on")


def test_a_first_day_typed_wrong_is_said_beside_the_first_day_only(app, admin, people):
    response = _delegate(admin, people, starts_on="31/02/2026")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Tanggal itu tidak ada" in label_of(page, "starts_on") and "aria-invalid" in label_of(page, "starts_on")
    assert "aria-invalid" not in label_of(page, "ends_on")
    _no_delegation(app)


def test_a_delegation_too_long_names_the_latest_last_day(app, admin, people):
    today = wib_today()
    response = _delegate(admin, people, ends_on=(today + timedelta(days=400)).strftime("%d/%m/%Y"))
    latest = today + timedelta(days=365)
    assert f"paling lambat {latest:%d/%m/%Y}" in label_of(response.get_data(as_text=True), "ends_on")


# --- the helpdesk's report button ------------------------------------------------------------------

def test_a_report_button_that_cannot_be_used_yet_says_why_beside_it(app, people):
    from datetime import datetime, timezone

    from .. import factories
    with app.app_context():
        now = datetime.now(timezone.utc)
        vid = factories.visit("checked_out", decided_at=now - timedelta(hours=1), checked_out_at=now,
                              ktp_checked_at=now - timedelta(minutes=50)).id  # no signature on it
    desk = logged_in_client(app, "rina")
    page = desk.get(f"/admin/visits/{vid}").get_data(as_text=True)
    form = re.search(r'<form[^>]*action="/admin/visits/%d/report".*?</form>' % vid, page, re.S)[0]
    assert "disabled" in form and 'aria-describedby="report-blocked"' in form
    assert re.search(r'id="report-blocked">Bisa dilaporkan setelah buku tamu lengkap\. Belum ada: [^<]*Tanda tangan', form)
    # the next step's anchor: a step taken on this page comes back there
    assert f'name="next" value="/admin/visits/{vid}#next-step"' in form and 'id="next-step"' in page
