"""Fill Indonesian translations into the catalogue: `python scripts/po_fill.py FILE.json`.

FILE.json maps English msgids to Indonesian text. Run `make messages` first so the msgids exist.
With no argument, lists the msgids still untranslated.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

PO = Path(__file__).resolve().parent.parent / "lpsedesk/translations/id/LC_MESSAGES/messages.po"


def main(argv: list[str]) -> int:
    with PO.open("rb") as f:
        catalog = read_po(f)
    if len(argv) < 2:
        for message in catalog:
            if message.id and not message.string:
                print(json.dumps(message.id, ensure_ascii=False))
        return 0
    fills = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    unknown = [k for k in fills if k not in catalog]
    for msgid, text in fills.items():
        if msgid in catalog:
            catalog[msgid].string = text
            catalog[msgid].flags.discard("fuzzy")
    with PO.open("wb") as f:
        write_po(f, catalog, omit_header=False, no_location=True, width=100)
    if unknown:
        print("not in the catalogue (run `make messages`):", *unknown, sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
