"""The Kasubag refuses on a phone: the reason typed, the keyboard open, the refusal panel's buttons fixed at
the screen's bottom. Android Chrome by default lays the page out as if no keyboard were there (only what is
seen shrinks), so the fixed buttons sit under the keyboard; staff pages ask it to shrink the page itself."""
from __future__ import annotations

import re

from lpsedesk.extensions import db

from .. import factories


def _viewport(html: str) -> str:
    found = re.search(r'<meta name="viewport" content="([^"]*)"', html)
    assert found, "no viewport meta"
    return found.group(1)


def test_staff_pages_ask_the_phone_keyboard_to_shrink_the_page(app, client, make_user, login):
    make_user("bambang", "kasubag")
    login("bambang")
    with app.app_context():
        visit_id = factories.visit().id
        db.session.commit()
    for path in ("/admin/queue", f"/admin/visits/{visit_id}", "/admin/login"):
        response = client.get(path)
        assert response.status_code == 200, path
        content = _viewport(response.get_data(as_text=True))
        assert "interactive-widget=resizes-content" in content, path
        assert "width=device-width" in content and "initial-scale=1" in content, path
