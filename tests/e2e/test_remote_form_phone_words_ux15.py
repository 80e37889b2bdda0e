"""ux15: the Admin LPSE read the Formulir Pencatatan Pemberian Remote Akses on a 360 px phone: the
columns were so narrow that "No." broke into "N" / "o.", "Username" into "Usern" / "ame" and names
mid-word ("Rahmawat" / "i"). The table slides sideways (the hint above it says so); no word of the
form is cut in two any more, and the page itself does not slide. And the Admin who had just closed
an account looked for the form: the closed request's next step leads to it, for that month."""
from __future__ import annotations

from .axe import axe_source, violations
from .test_staff_phone_stranger import _phone
from .test_touch_targets_desktop_ux15 import closed_remote_request

CUT_WORDS = """() => {
  const cut = [];
  const walk = document.createTreeWalker(document.querySelector('.doc-table'), NodeFilter.SHOW_TEXT);
  let n;
  while ((n = walk.nextNode())) {
    const re = /\\S+/g; let m;
    while ((m = re.exec(n.textContent))) {
      const range = document.createRange();
      range.setStart(n, m.index); range.setEnd(n, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (tops.size > 1) cut.push(m[0]);
    }
  }
  return cut;
}"""


def test_the_remote_access_form_on_a_phone_cuts_no_word(app, live_server, browser, make_user, shot):
    admin_id = make_user("ani", "admin", name="Ani Admin")
    with app.app_context():
        closed = [closed_remote_request(admin_id, requester_name=name, username=username,
                                        instansi="PT Teknologi Nusantara Abadi", rights_granted="Hanya baca").id
                  for name, username in (("Oki Rahmawati", "remote_oki"), ("Kartika Setiawan", "remote_kartika"))]
    page = _phone(browser, live_server, "ani")
    # the account just closed, the request's next step leads to the form of that month
    page.goto(f"{live_server}/admin/remote/{closed[0]}")
    month = page.evaluate("() => { const d = new Date(Date.now() - 3600e3 + 7 * 3600e3); "
                          "return String(d.getUTCMonth() + 1).padStart(2, '0') + '/' + d.getUTCFullYear(); }")
    to_form = page.get_by_role("link", name=f"Formulir Pencatatan Pemberian Remote Akses bulan {month}")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert to_form.bounding_box()["height"] >= 44
    with page.expect_navigation():
        to_form.click()
    page.wait_for_selector(".doc-table tbody td")
    assert "remote_oki" in page.inner_text(".doc-table")
    assert page.evaluate(CUT_WORDS) == []
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    shot(page, "ux15-phone-remote-form-words", full_page=True)
    assert violations(page, axe_source()) == []
