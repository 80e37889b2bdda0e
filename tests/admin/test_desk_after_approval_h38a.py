"""h38a on the staff screens, SOP 1: "the visitor fills the guest book and shows a valid KTP; the
helpdesk asks the Kasubag, who grants or refuses; the helpdesk lets the visitor in within what was
permitted". The KTP check comes before the let-in (visit page and band, "KTP first" said); the summary
counts an approved visitor at the desk with an unchecked KTP; the follow-up's heading is true of whom it
names; "since" is the desk's let-in; a facility no longer in the settings reads as words."""
from __future__ import annotations

from datetime import time, timedelta

from lpsedesk.clock import wib_at
from lpsedesk.extensions import db
from lpsedesk.models import utcnow

from .. import factories
from ..conftest import logged_in_client, post_form
from .test_board_after_decision_h37c import approved_at_desk, next_step
from .test_board_follow_up_h25b import MONDAY

KTP_MATCHES, LET_IN = "KTP asli sesuai", "Sudah dipersilakan masuk: catat"
KTP_FIRST = "KTP dulu: periksa KTP asli, lalu persilakan pengunjung masuk."


def band(page: str) -> str:
    return page.split('data-part="to-tell"')[1].split('class="board-top"')[0]


def test_the_visit_page_puts_the_ktp_check_before_the_let_in_and_says_ktp_first(app, make_user):
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    unchecked = approved_at_desk(app, "Siti Aminah", ktp_checked_at=None)
    checked = approved_at_desk(app, "Agus Pratama", ktp_checked_at=utcnow() - timedelta(minutes=5))
    desk = logged_in_client(app, "rina")
    step = next_step(desk, unchecked)
    assert KTP_FIRST in step
    assert step.index(KTP_FIRST) < step.index(KTP_MATCHES) < step.index(LET_IN)
    # the KTP seen, the let-in is the step, with no KTP sentence
    step = next_step(desk, checked)
    assert LET_IN in step and KTP_MATCHES not in step and "KTP dulu" not in step
    english = next_step(desk, unchecked, "en")
    assert english.index("KTP first") < english.index("Original KTP matches") < english.index("Let in: record it")


def test_the_band_offers_the_ktp_check_before_the_let_in(app, make_user):
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    visit_id = approved_at_desk(app, "Siti Aminah", ktp_checked_at=None)
    desk = logged_in_client(app, "rina")
    card = band(desk.get("/admin/board").get_data(as_text=True)).split(f'data-key="t-{visit_id}"')[1].split("</section>")[0]
    assert KTP_FIRST in card
    assert card.index(f'action="/admin/visits/{visit_id}/ktp-check"') < card.index(f'action="/admin/visits/{visit_id}/told"')
    assert post_form(desk, f"/admin/visits/{visit_id}/ktp-check", {"next": "/admin/board"},
                     token_page="/admin/board").status_code == 302
    card = band(desk.get("/admin/board").get_data(as_text=True))
    assert "ktp-check" not in card and "KTP dulu" not in card and LET_IN in card


def test_a_refusal_to_tell_offers_no_ktp_check(app, make_user):
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    with app.app_context():
        factories.visit("denied", visitor=factories.visitor(full_name="Budi Tolak"), decided_at=utcnow(),
                        decision_reason="Ruangan dipakai", decision_told_at=None, ktp_checked_at=None)
    card = band(logged_in_client(app, "rina").get("/admin/board").get_data(as_text=True))
    assert "Alasan sudah disampaikan: catat" in card
    assert "ktp-check" not in card and "KTP dulu" not in card


def test_the_summary_counts_an_approved_visitor_at_the_desk_whose_ktp_is_unchecked(app, make_user):
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    visit_id = approved_at_desk(app, "Siti Aminah", ktp_checked_at=None)
    approved_at_desk(app, "Agus Pratama", ktp_checked_at=utcnow() - timedelta(minutes=5))
    page = logged_in_client(app, "rina").get("/admin/board").get_data(as_text=True)
    summary = page.split('class="duties"')[1].split("</nav>")[0]
    assert "<b>1</b> KTP perlu diperiksa" in summary
    card = page.split('data-part="check-ktp"')[1].split("</section>")[0]
    assert f'data-key="kd-{visit_id}"' in card and "Agus Pratama" not in card
    assert '<span class="count">1</span>' in card


def _follow_up(client) -> str:
    return client.get("/admin/board").get_data(as_text=True).split('data-key="follow-up"')[1].split("</section>")[0]


def test_the_follow_up_heading_says_never_let_in_only_when_it_names_one(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    app.config["KIOSK_CLOCK"] = lambda: wib_at(MONDAY, time(16, 30))
    with app.app_context():
        factories.visit("approved", visitor=factories.visitor(full_name="Tamu Di Dalam"),
                        decided_at=wib_at(MONDAY, time(14)), decision_told_at=wib_at(MONDAY, time(14, 5)),
                        ktp_checked_at=wib_at(MONDAY, time(13, 55)))
    heading = _follow_up(client).split("</h2>")[0]
    assert "Sudah lewat jam tutup: masih di dalam" in heading and "belum pernah" not in heading
    approved_at_desk(app, "Tamu Belum Masuk", decided_at=wib_at(MONDAY, time(15, 50)))
    heading = _follow_up(client).split("</h2>")[0]
    assert "Sudah lewat jam tutup: masih di dalam atau belum pernah dipersilakan masuk" in heading
    english = client.get("/admin/board?lang=en").get_data(as_text=True).split('data-key="follow-up"')[1].split("</h2>")[0]
    assert "After closing time: still inside or never let in" in english


def test_inside_since_is_the_let_in_not_the_approval(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    app.config["KIOSK_CLOCK"] = lambda: wib_at(MONDAY, time(16, 30))  # after closing: the follow-up shows it too
    with app.app_context():
        visit_id = factories.visit("approved", visitor=factories.visitor(full_name="Tamu Di Dalam"),
                                   decided_at=wib_at(MONDAY, time(14)), decision_told_at=wib_at(MONDAY, time(14, 20)),
                                   approved_until=wib_at(MONDAY, time(15)),
                                   ktp_checked_at=wib_at(MONDAY, time(13, 55))).id
    page = client.get("/admin/board").get_data(as_text=True)
    tile = page.split(f'data-key="in-{visit_id}"')[1].split("</article>")[0]
    assert "sejak 14:20" in tile and "14:00" not in tile
    assert "sejak 07/12/2026 14:20 WIB" in _follow_up(client)
    # the check-out's question page (a button without JavaScript)
    asked = post_form(client, f"/admin/visits/{visit_id}/checkout", {"next": "/admin/board", "step": "ask"},
                      token_page="/admin/board").get_data(as_text=True)
    question = asked.split('class="card narrow"')[1]
    assert "sejak 14:20" in question and "14:00" not in question


def test_the_question_page_of_a_visitor_never_let_in_says_so(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    visit_id = approved_at_desk(app, "Agus Pulang", decided_at=utcnow() - timedelta(minutes=3))
    asked = post_form(client, f"/admin/visits/{visit_id}/checkout", {"next": "/admin/board", "step": "ask"},
                      token_page="/admin/board").get_data(as_text=True)
    assert "belum dipersilakan masuk" in asked and "sejak" not in asked.split('class="card narrow"')[1]


def test_a_facility_removed_from_the_settings_reads_as_words_not_its_key(app, make_user):
    make_user("rina", "helpdesk", name="Rina Helpdesk")
    with app.app_context():
        visit_id = factories.visit("approved", visitor=factories.visitor(full_name="Dewi Lestari"),
                                   facility="server_room", restricted=True, devices_none=True,
                                   decided_at=utcnow() - timedelta(minutes=10), ktp_checked_at=utcnow()).id
        db.session.commit()
    desk = logged_in_client(app, "rina")
    for path in ("/admin/board", f"/admin/visits/{visit_id}"):
        page = desk.get(path).get_data(as_text=True)
        assert "Server room" in page and ">server_room" not in page and " server_room " not in page, path
