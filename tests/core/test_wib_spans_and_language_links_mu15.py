"""Times in WIB and the language links (lpsedesk/i18n.py; README: times stored in UTC, shown in WIB; the
language switch keeps the page's other query arguments). A visit from 23:30 to 00:30 WIB crosses a WIB
midnight although both moments fall on one UTC date, so its span names both days; a link to this page in
another language asks for that language, not the one the page was opened in."""
from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import parse_qs, urlsplit

from lpsedesk.i18n import format_wib_span, lang_url


def test_a_span_across_a_wib_midnight_names_both_days_though_the_utc_date_is_one():
    start = datetime(2026, 11, 30, 16, 30, tzinfo=timezone.utc)  # 30/11 23:30 WIB
    end = datetime(2026, 11, 30, 17, 30, tzinfo=timezone.utc)    # 01/12 00:30 WIB
    assert format_wib_span(start, end) == "30/11/2026 23:30 WIB – 01/12/2026 00:30 WIB"


def test_a_span_within_one_wib_day_across_a_utc_midnight_names_its_day_once():
    start = datetime(2026, 11, 30, 23, 30, tzinfo=timezone.utc)  # 01/12 06:30 WIB
    end = datetime(2026, 12, 1, 0, 30, tzinfo=timezone.utc)      # 01/12 07:30 WIB
    assert format_wib_span(start, end) == "01/12/2026 06:30–07:30 WIB"


def test_the_link_to_another_language_asks_for_it_and_keeps_the_other_arguments(app):
    with app.test_request_context("/admin/visits?q=Sari&page=2&lang=id"):
        url = lang_url("en")
    parts = urlsplit(url)
    assert parts.path == "/admin/visits"
    assert parse_qs(parts.query) == {"q": ["Sari"], "page": ["2"], "lang": ["en"]}
