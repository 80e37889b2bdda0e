"""The Admin's settings pages in real chromium, at desktop and phone width, with no console errors."""
from __future__ import annotations

from lpsedesk.extensions import db

from .. import factories

PAGES = [
    ("settings-index", "/admin/settings/"),
    ("settings-users", "/admin/settings/users"),
    ("settings-user-new", "/admin/settings/users/new"),
    ("settings-user-edit", "/admin/settings/users/{rina}"),
    ("settings-delegations", "/admin/settings/delegations"),
    ("settings-office", "/admin/settings/office"),
    ("settings-facilities", "/admin/settings/facilities"),
    ("settings-purposes", "/admin/settings/purposes"),
    ("settings-access-rights", "/admin/settings/access-rights"),
]


def _log_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/admin/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "Rahasia-uji-123")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def test_every_settings_page_renders_on_a_desktop_and_a_phone(app, live_server, browser, make_user, shot):
    make_user("siti", "admin", name="Siti Rahmawati")
    make_user("bambang", "kasubag", name="Bambang Sutrisno")
    rina = make_user("rina", "helpdesk", name="Rina Wulandari")
    make_user("lama", "helpdesk", name="Pegawai Lama", active=False)
    with app.app_context():
        factories.visit(facility="verification_desk")
        db.session.commit()
    for width, height, suffix in ((1280, 900, "desktop"), (360, 740, "phone")):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        errors = []
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        _log_in(page, live_server, "siti")
        for name, path in PAGES:
            page.goto(live_server + path.format(rina=rina))
            assert page.locator("h1").count() >= 1, name
            # Nothing wider than the screen: a phone never scrolls sideways.
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{name} overflows by {overflow}px at {width}px"
            shot(page, f"{name}-{suffix}")
        assert not errors, errors
        context.close()


def test_the_admin_creates_an_account_and_names_a_plh_in_the_browser(live_server, browser, make_user, shot):
    make_user("siti", "admin", name="Siti Rahmawati")
    make_user("bambang", "kasubag", name="Bambang Sutrisno")
    page = browser.new_page(viewport={"width": 360, "height": 740})
    _log_in(page, live_server, "siti")
    page.goto(f"{live_server}/admin/settings/users/new")
    page.fill("input[name=username]", "agus")
    page.fill("input[name=full_name]", "Agus Pratama")
    page.check("input[name=roles][value=helpdesk]")
    page.click("main button[type=submit]")
    password = page.locator("#new-password").inner_text().strip()
    assert len(password) >= 16
    shot(page, "settings-password-shown-phone")
    page.goto(f"{live_server}/admin/settings/delegations")
    page.select_option("select[name=principal]", label="Bambang Sutrisno")
    page.select_option("select[name=delegate]", label="Agus Pratama (agus)")
    page.fill("input[name=ends_on]", "2020-01-01")  # before the first day: refused with a reason
    page.click("main form:not([data-confirm]) button[type=submit]")
    # said under the two day fields, where the Admin types again (ux4), not in a box at the top
    assert "tidak boleh sebelum" in page.locator("#ends_on-error").inner_text()
    assert page.locator("main .flash-error").count() == 0
    shot(page, "settings-delegation-error-phone")
    page.fill("input[name=ends_on]", "2099-12-31")
    page.fill("input[name=starts_on]", "2099-12-01")
    page.click("main form:not([data-confirm]) button[type=submit]")
    page.get_by_text("Plh. Agus Pratama").first.wait_for()  # the click returns before the page has loaded
    page.on("dialog", lambda dialog: dialog.accept())
    page.click("main form[data-confirm] button[type=submit]")
    page.get_by_text("Penunjukan dicabut").first.wait_for()
    shot(page, "settings-delegation-revoked-phone")
