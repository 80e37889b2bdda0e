"""SOP 2, a refused letter on the staff screens (h35r): the Admin, who received the letter, tells the third
party and records it (when in WIB, who, how), once. Until then the letter waits on the Admin's home
and stays in the register's default view; its page shows the step, then "Pihak ketiga sudah diberi
tahu <time> WIB". Only the Admin may record it (a Kasubag or the helpdesk: 403), only on a refused
letter (else 409), once (a second Admin: a 409 that says who told it and when, not a second record).
"""
from __future__ import annotations

from datetime import timedelta

from lpsedesk.i18n import format_wib

from .. import factories
from ..conftest import logged_in_client, post_form
from .test_remote_flow import actions, only, people  # noqa: F401 (fixture)
from .test_remote_support import local, now

REASON = "Surat belum ditandatangani pejabat yang berwenang"
TOLD = "Pihak ketiga sudah diberi tahu"


def refused_letter(app, people, name: str = "Teknisi Ditolak") -> int:
    with app.app_context():
        return factories.remote_request("denied", recorded_by_id=people["admin"], requester_name=name,
                                        decided_at=now() - timedelta(hours=1), decided_by_id=people["boss"],
                                        decision_reason=REASON).id


def tell(client, request_id: int, **fields):
    data = {"told_at": local(now() - timedelta(minutes=5)), "note": "Surat balasan no. 12/LPSE/XII/2026", **fields}
    return post_form(client, f"/admin/remote/{request_id}/told", data)


def home_count(client) -> str | None:
    page = client.get("/admin/").get_data(as_text=True)
    if 'data-step="denied"' not in page:
        return None
    return page.split('data-step="denied"')[1].split('class="big">')[1].split("<")[0]


def test_the_admin_records_the_third_party_told_and_the_letter_stops_waiting(app, people):
    rid = refused_letter(app, people)
    admin = logged_in_client(app, "ani")
    assert home_count(admin) == "1"
    assert f'id="remote-{rid}"' in admin.get("/admin/remote/").get_data(as_text=True)  # the default view
    page = admin.get(f"/admin/remote/{rid}").get_data(as_text=True)
    assert f'action="/admin/remote/{rid}/told"' in page and TOLD not in page

    told_at = now() - timedelta(minutes=5)
    assert tell(admin, rid, told_at=local(told_at)).status_code == 302
    req = only(app, id=rid)
    assert (req.status, req.refusal_told_at, req.refusal_told_by_id, req.refusal_told_note) == \
        ("denied", told_at, people["admin"], "Surat balasan no. 12/LPSE/XII/2026")
    assert actions(app, rid)[-1] == "remote.refusal_told"

    page = admin.get(f"/admin/remote/{rid}").get_data(as_text=True)
    assert f"{TOLD} {format_wib(told_at)}." in page and "/told" not in page
    assert home_count(admin) == "0"
    assert f'id="remote-{rid}"' not in admin.get("/admin/remote/").get_data(as_text=True)
    assert f'id="remote-{rid}"' in admin.get("/admin/remote/?status=denied").get_data(as_text=True)
    # and in English
    english = admin.get(f"/admin/remote/{rid}?lang=en").get_data(as_text=True)
    assert f"The third party was told {format_wib(told_at)}." in english


def test_the_step_is_asked_in_english_too(app, people):
    rid = refused_letter(app, people)
    page = logged_in_client(app, "ani").get(f"/admin/remote/{rid}?lang=en").get_data(as_text=True)
    assert "Record that Teknisi Ditolak was told" in page and "Time told (WIB)" in page and "How (optional)" in page


def test_the_home_card_leads_to_the_refused_letters_still_to_tell(app, people):
    waiting, told = refused_letter(app, people, "Teknisi Menunggu"), refused_letter(app, people, "Teknisi Sudah")
    admin = logged_in_client(app, "ani")
    assert tell(admin, told).status_code == 302
    page = admin.get("/admin/").get_data(as_text=True)
    link = page.split('data-step="denied"')[1].split(">")[0]
    assert "status=untold" in link
    listed = admin.get("/admin/remote/?status=untold").get_data(as_text=True)
    assert f'id="remote-{waiting}"' in listed and f'id="remote-{told}"' not in listed


def test_a_second_admin_hears_it_was_already_told_and_nothing_is_recorded_twice(app, people, make_user):
    make_user("agus", "admin", name="Agus Admin")
    rid = refused_letter(app, people)
    first, second = logged_in_client(app, "ani"), logged_in_client(app, "agus")
    version = str(only(app, id=rid).version)
    assert tell(first, rid, version=version).status_code == 302
    again = tell(second, rid, version=version, note="Lewat telepon")
    html = again.get_data(as_text=True)
    assert again.status_code == 409
    assert "Ani Admin sudah mencatat bahwa penolakan telah disampaikan kepada pihak ketiga" in html and TOLD in html
    assert only(app, id=rid).refusal_told_note == "Surat balasan no. 12/LPSE/XII/2026"
    assert actions(app, rid).count("remote.refusal_told") == 1


def test_a_kasubag_or_the_helpdesk_may_not_record_it(app, people):
    rid = refused_letter(app, people)
    for who in ("bambang", "rina"):
        assert tell(logged_in_client(app, who), rid).status_code == 403, who
    assert only(app, id=rid).refusal_told_at is None
    # the Kasubag sees that the Admin answers it, and no form
    page = logged_in_client(app, "bambang").get(f"/admin/remote/{rid}").get_data(as_text=True)
    assert "Admin memberi tahu Teknisi Ditolak" in page and "/told" not in page


def test_only_a_refused_letter_is_told_of_a_refusal(app, people):
    with app.app_context():
        rid = factories.remote_request("approved", recorded_by_id=people["admin"], decided_at=now() - timedelta(hours=1),
                                       approved_until=now() + timedelta(days=1)).id
    response = tell(logged_in_client(app, "ani"), rid)
    assert response.status_code == 409
    assert "hanya dicatat untuk surat yang ditolak" in response.get_data(as_text=True)
    assert only(app, id=rid).refusal_told_at is None


def test_without_the_forms_token_nothing_is_recorded(app, people):
    rid = refused_letter(app, people)
    admin = logged_in_client(app, "ani")
    response = admin.post(f"/admin/remote/{rid}/told", data={"told_at": local(now()), "note": "x"})
    assert response.status_code == 400
    assert only(app, id=rid).refusal_told_at is None


def test_a_stale_page_is_a_409(app, people):
    rid = refused_letter(app, people)
    stale = str(only(app, id=rid).version - 1)
    assert tell(logged_in_client(app, "ani"), rid, version=stale).status_code == 409
    assert only(app, id=rid).refusal_told_at is None


def test_a_time_still_to_come_is_said_beside_the_field_with_the_note_kept(app, people):
    rid = refused_letter(app, people)
    response = tell(logged_in_client(app, "ani"), rid, told_at=local(now() + timedelta(hours=2)), note="Lewat telepon")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Waktu tersebut berada di masa depan" in html.split('id="tell-form"')[1]
    assert 'value="Lewat telepon"' in html
    assert only(app, id=rid).refusal_told_at is None
