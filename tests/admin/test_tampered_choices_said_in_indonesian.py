"""A value no list on the page offers (a probe editing the form, or a page left open while an Admin
changed the lists) is refused in the page's language like every other field problem (guide: bad input
gets a clear message in the user's language). sec2's probe read "'superuser' is not a valid choice
for this field." in English on an Indonesian page."""
from __future__ import annotations

from ..conftest import logged_in_client, post_form


def test_a_role_no_list_offers_is_refused_in_indonesian(app, make_user):
    make_user("adi", "admin")
    admin = logged_in_client(app, "adi")
    response = post_form(admin, "/admin/settings/users/new", token_page="/admin/settings/users/new",
                         username="tamu", full_name="Tamu Uji", password="Rahasia-uji-456",
                         password2="Rahasia-uji-456", roles="superuser")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "not a valid choice" not in page and "not valid choices" not in page
    assert "bukan pilihan" in page


def test_the_same_refusal_reads_in_english_on_an_english_page(app, make_user):
    make_user("adi", "admin")
    admin = logged_in_client(app, "adi")
    admin.get("/admin/?lang=en")
    response = post_form(admin, "/admin/settings/users/new", token_page="/admin/settings/users/new",
                         username="tamu", full_name="Tamu Uji", password="Rahasia-uji-456",
                         password2="Rahasia-uji-456", roles="superuser")
    assert "is not a valid choice" in response.get_data(as_text=True)
