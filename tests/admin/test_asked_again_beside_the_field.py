"""What ux3 left: a report period that cannot be used, a delegation the rules refuse, and the end of a
remote-access approval typed on a phone. Each comes back as the same form, 400, with the message beside
the field it concerns and what was typed kept (the brief's rule for bad input), never a separate
"Maaf ... Kembali" page or a list at the top of the form."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from lpsedesk.clock import wib_today
from lpsedesk.extensions import db
from lpsedesk.models import Delegation, RemoteAccessRequest

from .. import factories
from ..conftest import logged_in_client, post_form
from .test_forms_say_what_to_fix import label_of


@pytest.fixture
def people(app, make_user):
    return {"admin": make_user("ani", "admin", name="Ani Admin"),
            "boss": make_user("bambang", "kasubag", name="Bambang Kasubag"),
            "desk": make_user("rina", "helpdesk", name="Rina Helpdesk")}


@pytest.fixture
def admin(app, people):
    return logged_in_client(app, "ani")


def form_of(html: str, action: str) -> str:
    match = re.search(rf'<form\b[^>]*action="{re.escape(action)}"[^>]*>.*?</form>', html, re.S)
    assert match, f"no form for {action}"
    return match[0]


# --- a report's period ---------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/admin/reports/guestbook", "/admin/reports/visits", "/admin/reports/statistics",
                                  "/admin/reports/server-room"])
def test_a_day_that_does_not_exist_comes_back_to_the_same_report_form_beside_the_first_day(admin, path):
    response = admin.get(path, query_string={"from": "31/02/2026", "to": "05/03/2026"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Kembali</a>" not in page and "<h1>Maaf" not in page  # not the dead-end page
    form = form_of(page, path)
    first, last = label_of(form, "from"), label_of(form, "to")
    assert "Tanggal itu tidak ada" in first and 'value="31/02/2026"' in first and 'aria-invalid="true"' in first
    assert "Tanggal itu tidak ada" not in last and 'value="05/03/2026"' in last


def test_an_end_before_the_start_is_said_beside_the_end_and_both_days_are_kept(admin):
    response = admin.get("/admin/reports/guestbook", query_string={"from": "20/11/2026", "to": "01/11/2026"})
    form = form_of(response.get_data(as_text=True), "/admin/reports/guestbook")
    assert response.status_code == 400
    assert "Tanggal akhir lebih awal dari tanggal mulai." in label_of(form, "to")
    assert 'value="20/11/2026"' in label_of(form, "from") and "error" not in label_of(form, "from")


@pytest.mark.parametrize("lang,typed,says", [("id", "kemarin", "Tulis tanggal sebagai hh/bb/tttt"),
                                             ("en", "yesterday", "Write the date as dd/mm/yyyy"),
                                             ("id", "25/12/0202", "Periksa tahunnya")])
def test_text_or_a_wrong_year_says_how_to_write_it_in_the_page_language(admin, lang, typed, says):
    admin.get(f"/admin/?lang={lang}")
    response = admin.get("/admin/reports/statistics", query_string={"from": typed})
    form = form_of(response.get_data(as_text=True), "/admin/reports/statistics")
    assert response.status_code == 400 and says in label_of(form, "from") and f'value="{typed}"' in form


def test_a_download_link_with_a_bad_period_comes_back_to_its_report_form(admin):
    response = admin.get("/admin/reports/visits.pdf", query_string={"from": "2026-11-20", "to": "2026-11-01"})
    assert response.status_code == 400 and response.mimetype == "text/html"
    assert "Tanggal akhir lebih awal" in label_of(form_of(response.get_data(as_text=True), "/admin/reports/visits"), "to")


def test_a_good_period_still_shows_the_report(admin):
    today = wib_today().strftime("%d/%m/%Y")
    response = admin.get("/admin/reports/guestbook", query_string={"from": today, "to": today})
    assert response.status_code == 200 and f'value="{today}"' in response.get_data(as_text=True)


# --- Plh./Plt. delegations ------------------------------------------------------------------------

def _delegate(admin, people, **fields):
    today = wib_today()
    data = {"principal": people["boss"], "delegate": people["desk"], "title": "Plh.",
            "starts_on": today.strftime("%d/%m/%Y"), "ends_on": (today + timedelta(days=2)).strftime("%d/%m/%Y"), **fields}
    return post_form(admin, "/admin/settings/delegations", data)


def _no_delegation(app):
    with app.app_context():
        assert db.session.scalars(select(Delegation)).all() == []


def test_a_last_day_already_past_is_said_beside_the_last_day_not_at_the_top(app, admin, people):
    # ux5: beside the last day only (ux4 said it under both days, and the cursor went to the first)
    past = wib_today() - timedelta(days=3)
    response = _delegate(admin, people, starts_on=(past - timedelta(days=2)).strftime("%d/%m/%Y"),
                         ends_on=past.strftime("%d/%m/%Y"))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "sudah lewat." in label_of(page, "ends_on")
    assert "flash-error" not in page.split("</form>")[0]  # nothing listed at the top
    assert page.count('aria-describedby="ends_on-error"') == 1 and past.strftime("%d/%m/%Y") in page
    _no_delegation(app)


def test_the_same_person_twice_is_said_beside_the_delegate_with_the_choices_kept(app, admin, people):
    response = _delegate(admin, people, delegate=people["boss"])
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    delegate = label_of(page, "delegate")
    assert "harus orang yang berbeda" in delegate and 'aria-invalid="true"' in delegate
    assert "harus orang yang berbeda" not in label_of(page, "principal")
    assert re.search(rf'<option value="{people["boss"]}" selected', label_of(page, "principal"))
    _no_delegation(app)


def test_nobody_chosen_is_said_beside_each_list(app, admin, people):
    response = _delegate(admin, people, principal="", delegate="")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Pilih Kasubag yang diwakili." in label_of(page, "principal")
    assert "Pilih pegawai yang ditunjuk." in label_of(page, "delegate")
    _no_delegation(app)


# --- the end of an approval, a day and a time apart -----------------------------------------------

def fieldset_of(html: str, name: str) -> str:
    for fieldset in re.findall(r"<fieldset\b.*?</fieldset>", html, re.S):
        if f'name="{name}"' in fieldset:
            return fieldset
    raise AssertionError(f"no fieldset for {name}")


@pytest.fixture
def waiting(app, people):
    with app.app_context():
        return factories.remote_request(recorded_by_id=people["admin"]).id


def test_the_end_of_access_is_a_day_and_a_time_each_on_the_number_pad(app, people, waiting):
    boss = logged_in_client(app, "bambang")
    part = fieldset_of(boss.get(f"/admin/remote/{waiting}").get_data(as_text=True), "approved_until")
    fields = re.findall(r"<input\b[^>]*>", part)
    assert len(fields) == 2 and all('name="approved_until"' in f and 'inputmode="numeric"' in f
                                    and 'type="text"' in f for f in fields)
    assert re.search(r'value="\d\d/\d\d/\d{4}"', fields[0]) and re.search(r'value="\d\d:\d\d"', fields[1])
    assert ">Tanggal" in part and "Jam (WIB)" in part and "format 24 jam (WIB), mis. 25/12/2026 dan 14:30" in part


def test_a_day_and_a_time_typed_apart_are_stored_as_that_wib_moment(app, people, waiting):
    boss = logged_in_client(app, "bambang")
    day = (datetime.now(timezone.utc) + timedelta(days=2)).strftime("%d/%m/%Y")
    response = boss.post(f"/admin/remote/{waiting}/decision", data={
        "csrf_token": _token(boss, waiting), "decision": "approve", "approved_until": [day, "17.00"]})
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    with app.app_context():
        req = db.session.get(RemoteAccessRequest, waiting)
        until = req.approved_until.astimezone(timezone.utc).replace(tzinfo=None)
    assert req.status == "approved" and until.strftime("%H:%M") == "10:00"  # 17:00 WIB
    assert until.strftime("%d/%m/%Y") == day


def _token(client, rid):
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', client.get(f"/admin/remote/{rid}").get_data(as_text=True))[1]


@pytest.mark.parametrize("day,clock,part,says", [
    ("", "17:00", "day", "Isi juga tanggalnya"),
    ("31/02/2099", "17:00", "day", "Tanggal itu tidak ada"),
    ("03/12/2099", "5 sore", "clock", "Tulis jam sebagai jj:mm"),
    ("03/12/2099", "", "clock", "Isi juga jamnya")])
def test_a_part_that_cannot_be_read_is_said_beside_that_part_and_both_are_kept(app, people, waiting, day, clock, part, says):
    boss = logged_in_client(app, "bambang")
    response = boss.post(f"/admin/remote/{waiting}/decision", data={
        "csrf_token": _token(boss, waiting), "decision": "approve", "approved_until": [day, clock]})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    labels = re.findall(r"<label\b.*?</label>", fieldset_of(page, "approved_until"), re.S)
    said, other = (labels[0], labels[1]) if part == "day" else (labels[1], labels[0])
    assert says in said and 'class="error"' not in other
    assert f'value="{day}"' in labels[0] and f'value="{clock}"' in labels[1]
    assert "Pilih setujui atau tolak" not in page  # the problem is the date, not the choice
    with app.app_context():
        assert db.session.get(RemoteAccessRequest, waiting).status == "received"


def test_the_admin_gives_and_closes_the_account_with_the_day_and_time_apart(app, people):
    with app.app_context():
        rid = factories.remote_request("approved", recorded_by_id=people["admin"],
                                       approved_until=datetime.now(timezone.utc) + timedelta(days=1)).id
    admin = logged_in_client(app, "ani")
    page = admin.get(f"/admin/remote/{rid}").get_data(as_text=True)
    assert len(re.findall(r'<input\b[^>]*name="granted_at"[^>]*inputmode="numeric"', fieldset_of(page, "granted_at"))) == 2
    given = datetime.now(timezone.utc) - timedelta(minutes=30)
    wib = given.astimezone(timezone(timedelta(hours=7)))
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)[1]
    response = admin.post(f"/admin/remote/{rid}/account", data={
        "csrf_token": token, "username": "budi_sa", "rights_other": "Hanya baca", "granted_at": [wib.strftime("%d/%m/%Y"), wib.strftime("%H:%M")],
        "version": re.search(r'name="version"[^>]*value="(\d+)"', page)[1]})
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    with app.app_context():
        req = db.session.get(RemoteAccessRequest, rid)
        assert req.status == "active"
        assert req.granted_at.astimezone(timezone.utc).strftime("%d/%m %H:%M") == given.strftime("%d/%m %H:%M")
    page = admin.get(f"/admin/remote/{rid}").get_data(as_text=True)
    response = admin.post(f"/admin/remote/{rid}/close", data={
        "csrf_token": token, "closed_at": ["", "10:00"], "version": re.search(r'name="version"[^>]*value="(\d+)"', page)[1]})
    closed = fieldset_of(response.get_data(as_text=True), "closed_at")
    assert response.status_code == 400 and "Isi juga tanggalnya" in closed and 'value="10:00"' in closed


# --- words a stranger reads ------------------------------------------------------------------------

def test_an_invitations_times_are_called_times_not_dates(app, people):
    desk = logged_in_client(app, "rina")
    page = desk.get("/admin/invitations/new").get_data(as_text=True)
    assert "Dari jam (WIB)" in label_of(page, "start") and "Sampai jam (WIB)" in label_of(page, "end")
    assert "tanggal" not in label_of(page, "start").split("<input")[0].lower()


@pytest.mark.parametrize("path,name", [("/admin/remote/new", "letter"), ("/admin/invitations/import", "participants")])
def test_a_file_field_speaks_the_pages_language_not_the_browsers(app, people, path, name):
    admin = logged_in_client(app, "ani")
    field = label_of(admin.get(path).get_data(as_text=True), name)
    assert 'type="file"' in field and "Pilih berkas" in field and "Belum ada berkas yang dipilih" in field
    admin.get("/admin/?lang=en")
    field = label_of(admin.get(path).get_data(as_text=True), name)
    assert "Choose a file" in field and "No file chosen yet" in field


@pytest.mark.parametrize("query,field,says", [
    ({"kind": "range", "from": "31/02/2026", "to": "01/03/2026"}, "from", "Tanggal itu tidak ada"),
    ({"kind": "range", "from": "01/03/2026", "to": "01/02/2026"}, "to", "Tanggal akhir lebih awal"),
    ({"kind": "year", "year": "dua ribu"}, "year", "Pilih tahun dan semester yang benar")])
def test_the_skm_period_comes_back_to_the_skm_form_beside_the_field(admin, query, field, says):
    response = admin.get("/admin/reports/skm", query_string=query)
    form = form_of(response.get_data(as_text=True), "/admin/reports/skm")
    assert response.status_code == 400 and says in label_of(form, field)
    for name, value in query.items():
        if name in ("from", "to", "year"):
            assert f'value="{value}"' in label_of(form, name)
    assert "<h1>Maaf" not in response.get_data(as_text=True)
    assert admin.get("/admin/reports/skm-answers.csv", query_string=query).status_code == 400


def test_a_good_skm_period_still_shows_the_report(admin):
    assert admin.get("/admin/reports/skm", query_string={"kind": "range", "from": "01/01/2026", "to": "30/06/2026"}).status_code == 200
    assert admin.get("/admin/reports/skm", query_string={"kind": "semester", "year": "2026", "half": "2"}).status_code == 200


def test_an_error_on_a_staff_screen_keeps_the_staff_menu(app, admin, client):
    page = admin.get("/admin/visits/999999")
    html = page.get_data(as_text=True)
    assert page.status_code == 404 and "Halaman atau data tidak ditemukan." in html
    assert 'class="staffnav"' in html and 'href="/admin/remote/"' in html  # somewhere to go on
    # not for someone who is not logged in, nor outside the staff screens
    assert 'class="staffnav"' not in client.get("/admin/visits/999999", follow_redirects=True).get_data(as_text=True)
    assert 'class="staffnav"' not in admin.get("/no-such-page").get_data(as_text=True)
