"""Every user-facing string has an Indonesian translation; times show in WIB."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from lpsedesk.i18n import format_wib

ROOT = Path(__file__).resolve().parents[2]
METHODS = [("lpsedesk/**.py", "python"), ("kiosk/**.py", "python"), ("admin/**.py", "python"),
           ("templates/**.html", "jinja2")]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "lazy_gettext": None, "_l": None}


def test_every_string_in_the_code_has_an_indonesian_translation():
    with open(ROOT / "lpsedesk/translations/id/LC_MESSAGES/messages.po", "rb") as f:
        catalog = read_po(f)
    # A plural entry (ngettext) is keyed by its (singular, plural) pair and translated by a tuple of
    # forms; the extractor names it by its singular.
    translated = {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalog
                  if m.id and not m.fuzzy and (all(m.string) if isinstance(m.string, tuple) else m.string)}
    missing = set()
    for _file, _line, message, _comments, _ctx in extract_from_dir(
            str(ROOT), method_map=METHODS, keywords=KEYWORDS, options_map={}):
        msgid = message[0] if isinstance(message, tuple) else message
        if msgid and msgid not in translated:
            missing.add(msgid)
    assert not missing, "untranslated (run `make messages` and fill in the .po):\n" + "\n".join(sorted(missing))


def test_times_show_in_wib():
    assert format_wib(datetime(2026, 11, 22, 1, 30, tzinfo=timezone.utc)) == "22/11/2026 08:30 WIB"


def test_the_language_switch_keeps_the_page_and_its_query(client):
    page = client.get("/admin/setup?token=abc").get_data(as_text=True)
    assert 'href="/admin/setup?token=abc&amp;lang=en"' in page
