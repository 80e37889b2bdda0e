"""Issue 15 and h37e on the Kasubag's queue, as the server draws it (before any script runs): a visit to the
server room is approved only after the Kasubag names an escort from the staff, so its Approve button says
what comes first, "Pilih pendamping, lalu setujui", until an escort is named; then it says "Setujui" as for
any visit. mu17: the bar drawn with plain "Setujui" while no escort was named, and the first step still said
once one was, both survived the suite outside the browser tests; and so did an approval sent without an escort
answered by a page of its own instead of the queue (h35k: "Maaf ...", "Kembali" left the phone's queue; the
message now stands beside the escort picker of the page the Kasubag decided from)."""
from __future__ import annotations

from lpsedesk.extensions import db

from .. import factories
from ..conftest import logged_in_client, post_form


def _approve_button(page: str, visit_id: int) -> str:
    """The Approve button of the visit's decision bar, as written in the page."""
    form = page.split(f'id="decide-{visit_id}"')[1].split("</form>")[0]
    return form.split('value="approve"')[1].split("</button>")[0]


def _label(button: str) -> str:
    return button.rsplit(">", 1)[1].strip()


def test_the_server_room_request_asks_for_the_escort_first_until_one_is_named(app, make_user):
    make_user("bambang", "kasubag")
    escort = make_user("eko", "helpdesk", name="Eko Pendamping")
    with app.app_context():
        waiting = factories.visit("pending", facility="server_room", restricted=True, devices_none=True).id
        named = factories.visit("pending", facility="server_room", restricted=True, devices_none=True,
                                escort_id=escort).id
        ordinary = factories.visit("pending").id
        db.session.commit()
    page = logged_in_client(app, "bambang").get("/admin/queue").get_data(as_text=True)

    assert _label(_approve_button(page, waiting)) == "Pilih pendamping, lalu setujui"
    assert _label(_approve_button(page, named)) == "Setujui"
    assert _label(_approve_button(page, ordinary)) == "Setujui"
    # Once the escort is chosen on the page, the button says Approve again (field_needed.js reads these).
    assert 'data-ready-label="Setujui"' in _approve_button(page, waiting)
    assert 'data-first-label' not in _approve_button(page, ordinary)


def test_approve_without_an_escort_redraws_the_queue_with_the_message_beside_the_picker(app, make_user):
    make_user("bambang", "kasubag")
    make_user("eko", "helpdesk", name="Eko Pendamping")
    with app.app_context():
        visit_id = factories.visit("pending", facility="server_room", restricted=True, devices_none=True).id
    boss = logged_in_client(app, "bambang")
    response = post_form(boss, f"/admin/visits/{visit_id}/decision", decision="approve", next="/admin/queue",
                         token_page="/admin/queue")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert f'id="decide-{visit_id}"' in page, "the queue, drawn again"
    picker = page.split('class="escort-picker"')[1].split("</label>")[0]
    assert 'aria-invalid="true"' in picker and "pendamping" in picker.split('class="escort-error error"')[1].lower()
