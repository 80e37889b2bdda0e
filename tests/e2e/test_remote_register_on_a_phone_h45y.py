"""h45y: the Admin's remote-access register on a 360x640 phone had a blank band above the first name
(the name's 44 px link centred on its line, under the row's padding and the card's): the name starts
where a card's text does, its link still a thumb's size."""
from __future__ import annotations

from lpsedesk import users
from lpsedesk.extensions import db
from tests import factories

from .axe import axe_source, violations
from .test_staff_flow import staff_page

PHONE = {"width": 360, "height": 640}


def test_the_first_name_in_the_register_starts_at_the_cards_top_on_a_phone(app, live_server, browser, make_user):
    make_user("ani", "admin", name="Ani Admin")
    with app.app_context():
        factories.remote_request(recorded_by_id=users.find(db.session, "ani").id, requester_name="Teknisi Uji Coba")
        factories.remote_request(recorded_by_id=users.find(db.session, "ani").id, requester_name="Teknisi Kedua")
        db.session.commit()
    errors: list[str] = []
    page = staff_page(browser, live_server, "ani", PHONE, errors)
    page.goto(f"{live_server}/admin/remote/")
    seen = page.evaluate("""() => [...document.querySelectorAll('.remote-row')].map(row => {
        const a = row.querySelector('a');
        a.scrollIntoView({block: 'center'});
        const card = row.closest('.card').getBoundingClientRect();
        const name = a.querySelector('strong').getBoundingClientRect(), link = a.getBoundingClientRect();
        const prev = row.previousElementSibling && row.previousElementSibling.classList.contains('remote-row')
            ? row.previousElementSibling.getBoundingClientRect().bottom : card.top;
        return {gap: name.top - (row.previousElementSibling ? prev : card.top), link: link.height,
                inside: link.top >= card.top, hit: document.elementFromPoint(link.left + 4, link.top + 3)?.closest('a') === a};
    })""")
    assert len(seen) == 2
    first, second = seen
    assert first["gap"] <= 20, seen   # the card's padding (16 px), no band of 40 under it
    assert second["gap"] <= 32, seen  # a row's padding above its name, not a band either
    assert all(s["link"] >= 44 and s["inside"] and s["hit"] for s in seen), seen
    assert violations(page, axe_source()) == []
    assert errors == []
