"""SOP 2: the period a third party's letter asks for (Waktu Pemberian .. Waktu Penutupan, WIB) is
checked by the server, not only by the page's script (static/admin/period_check.js).

- an end before (or at) its start: refused (400), as before;
- an end already past when the letter is recorded: refused (400). Such a request could never be
  approved (the Kasubag's end must lie ahead) nor its account given; before, it was recorded and
  waited in the Kasubag's queue for a decision nobody could make;
- a start already past with an end still ahead: recorded. Letters are recorded days after they
  arrive, and the letter's own dates are kept as written.

A refusal says why beside the end, in the reader's language, and keeps everything typed."""
from __future__ import annotations

from ..conftest import logged_in_client
from ..core.test_rules_remote_ops import DAY
from .test_remote_flow import people  # noqa: F401 (fixture)
from .test_remote_form_every_problem_at_once_str10 import _error_beside
from .test_remote_input import count
from .test_remote_support import WIB, now, record


def _typed(moment) -> str:
    return moment.astimezone(WIB).strftime("%d/%m/%Y %H:%M")


def test_a_period_already_over_is_refused_beside_its_end_and_nothing_typed_is_lost(app, people):
    admin = logged_in_client(app, "ani")
    start, end = _typed(now() - 3 * DAY), _typed(now() - DAY)
    response = record(admin, period_start=start, period_end=end)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Periode yang diminta sudah lewat" in _error_beside(page, "period_end")
    for typed in (start, end, "012/CT/XI/2026", "PT Contoh Teknologi", "Pembaruan aplikasi SPSE", "Log server"):
        assert typed in page, typed
    assert "tidak perlu dipilih lagi" in page  # the letter attached is held for the next try
    assert count(app) == 0


def test_the_refusal_is_in_english_for_an_english_reader(app, people):
    admin = logged_in_client(app, "ani")
    admin.get("/admin/remote/?lang=en")
    over = record(admin, period_start=_typed(now() - 3 * DAY), period_end=_typed(now() - DAY))
    assert over.status_code == 400
    assert "The period asked for has already ended" in _error_beside(over.get_data(as_text=True), "period_end")
    reversed_ = record(admin, period_start=_typed(now() + 2 * DAY), period_end=_typed(now() + DAY))
    assert reversed_.status_code == 400
    assert "must come after its start" in _error_beside(reversed_.get_data(as_text=True), "period_end")
    assert count(app) == 0


def test_a_letter_recorded_after_its_period_began_is_recorded_as_written(app, people):
    admin = logged_in_client(app, "ani")
    response = record(admin, period_start=_typed(now() - 2 * DAY), period_end=_typed(now() + 2 * DAY))
    assert response.status_code == 302
    assert count(app) == 1


def test_the_page_says_an_end_already_past_in_the_servers_words(app, people):
    admin = logged_in_client(app, "ani")
    form = admin.get("/admin/remote/new").get_data(as_text=True)
    assert 'data-end-past="Periode yang diminta sudah lewat' in form
