"""h38b: the Admin gives a member of staff their roles (Helpdesk, Kasubag, Admin) on the user's page and
on the new account's page. On the Admin's phone only the 24 px box took the tap: each role is a row of
at least 44 px that the thumb can tap anywhere (the label wraps the box, which is at least 24 px), the
rows touching so a tap between two lands on one of them. On the desk (1366x768) the page stands as it
stood: the rows where they were, "Simpan peran" on the first screen."""
from __future__ import annotations

import pytest

from .test_settings_pages import _log_in

PHONE, DESK = {"width": 360, "height": 640}, {"width": 1366, "height": 768}
ROWS = """() => [...document.querySelectorAll('form label')].filter((l) => l.querySelector('input[name=roles]'))
  .map((l) => { const r = l.getBoundingClientRect(), b = l.querySelector('input').getBoundingClientRect();
                return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, box: [b.width, b.height],
                        name: l.textContent.trim().split(/\\s+/)[0]}; })"""


def _page(browser, live_server, make_user, viewport, path: str):
    make_user("siti", "admin", name="Siti Rahmawati")
    rina = make_user("rina", "helpdesk", name="Rina Wulandari")
    context = browser.new_context(viewport=viewport, has_touch=True, locale="id-ID")
    page = context.new_page()
    _log_in(page, live_server, "siti")
    page.goto(live_server + path.format(rina=rina))
    return page


def _checked(page) -> dict[str, bool]:
    return dict(page.evaluate("""() => [...document.querySelectorAll('input[name=roles]')]
        .map((el) => [el.value, el.checked])"""))


@pytest.mark.parametrize("path", ["/admin/settings/users/{rina}", "/admin/settings/users/new"])
def test_each_role_is_a_row_the_admins_thumb_taps_anywhere(app, live_server, browser, make_user, shot, path):
    page = _page(browser, live_server, make_user, PHONE, path)
    page.locator("input[name=roles]").first.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, 120)")
    name = "edit" if "{rina}" in path else "new"
    shot(page, f"h38b-roles-rows-360-{name}", full_page=False)
    rows = page.evaluate(ROWS)
    assert len(rows) == 3
    for row in rows:
        assert row["bottom"] - row["top"] >= 44, f"{row['name']}: a {row['bottom'] - row['top']:.1f} px row"
        assert min(row["box"]) >= 24, f"{row['name']}: a {row['box']} px box"
    # the row's far end, well away from the box, ticks the role and ticks it off again
    before = _checked(page)
    first = rows[0]
    page.touchscreen.tap(first["right"] - 12, (first["top"] + first["bottom"]) / 2)
    after = _checked(page)
    assert [k for k in after if after[k] != before[k]] == ["helpdesk"], (before, after)
    page.touchscreen.tap(first["right"] - 12, (first["top"] + first["bottom"]) / 2)
    assert _checked(page) == before
    # between two rows: a tap there ticks one of them, it is not lost (a click at the point itself: a
    # touch is moved by the browser to the nearest target, which a finger gets but not every tap does)
    for upper, lower in zip(rows, rows[1:]):
        before = _checked(page)
        page.mouse.click(upper["left"] + 100, (upper["bottom"] + lower["top"]) / 2)
        after = _checked(page)
        assert sum(after[k] != before[k] for k in after) == 1, f"a tap between {upper['name']} and {lower['name']}"
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    page.context.close()


def test_on_the_desk_the_roles_stand_as_they_stood(app, live_server, browser, make_user, shot):
    page = _page(browser, live_server, make_user, DESK, "/admin/settings/users/{rina}")
    shot(page, "h38b-roles-rows-1366-edit", full_page=False)
    rows = page.evaluate(ROWS)
    # the three roles one under the other in the Roles card, a row for each, nothing overlapping
    assert all(upper["bottom"] <= lower["top"] for upper, lower in zip(rows, rows[1:]))
    assert all(row["bottom"] - row["top"] >= 44 and min(row["box"]) >= 24 for row in rows)
    save = page.get_by_role("button", name="Simpan peran")
    box = save.bounding_box()
    assert box and box["y"] + box["height"] <= DESK["height"], "Simpan peran left the first screen"
    page.context.close()
