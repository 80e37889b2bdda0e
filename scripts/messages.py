"""Rebuild the Indonesian catalogue: extract every user-facing string, merge, fill translations.

    python scripts/messages.py          # rebuild lpsedesk/translations/id/LC_MESSAGES/messages.po
    python scripts/messages.py --check  # list strings that still lack Indonesian text; exit 1 if any

Indonesian text lives in lpsedesk/translations/id/*.json ({"English msgid": "Indonesian"}), one
file per area, so several people can add strings at once without editing the same file; the .po
is rebuilt from them (under a lock) and is what the app compiles at start-up.
"""
from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import write_po

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "lpsedesk/translations"
PO = TRANSLATIONS / "id/LC_MESSAGES/messages.po"
METHODS = [("lpsedesk/**.py", "python"), ("kiosk/**.py", "python"), ("admin/**.py", "python"),
           ("templates/**.html", "jinja2")]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "lazy_gettext": None, "_l": None,
            "lazy_ngettext": (1, 2)}


def extract() -> Catalog:
    catalog = Catalog(project="lpsedesk", locale="id")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(ROOT), method_map=METHODS, keywords=KEYWORDS, options_map={}):
        catalog.add(message, locations=[(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def fills() -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in sorted((TRANSLATIONS / "id").glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


@contextlib.contextmanager
def locked():
    try:
        import fcntl
    except ImportError:  # Windows: one developer at a time is enough there
        yield
        return
    with open(TRANSLATIONS / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def main(argv: list[str]) -> int:
    with locked():
        catalog = extract()
        text = fills()
        missing = []
        for message in catalog:
            if not message.id:
                continue
            key = message.id if isinstance(message.id, str) else message.id[0]
            if key in text:
                message.string = text[key] if isinstance(message.id, str) else (text[key], text.get(message.id[1], text[key]))
            else:
                missing.append(key)
        if "--check" not in argv:
            PO.parent.mkdir(parents=True, exist_ok=True)
            with PO.open("wb") as f:
                write_po(f, catalog, no_location=True, sort_output=True, width=100)
    for key in missing:
        print("untranslated:", json.dumps(key, ensure_ascii=False))
    return 1 if missing and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
