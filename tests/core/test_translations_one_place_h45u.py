"""h45u: one msgid, one place. The Indonesian text lives in lpsedesk/translations/id/*.json, one file
per area, merged in file-name order (scripts/messages.py): a msgid written in two files is shown from
the later one only, and the earlier text waits, unseen, to come back the day a file is renamed. 29
msgids were in two files, 17 with different Indonesian: "Check out" was "Check-out" in staff.json,
shadowed by "Catat keluar" in ux2.json. Each msgid now has one file, and no file keeps the loan word
"check-out" for the Indonesian text, shown or not."""
from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

TABLES = sorted((Path(__file__).resolve().parents[2] / "lpsedesk/translations/id").glob("*.json"))


def _entries() -> list[tuple[str, str, str]]:
    return [(path.name, msgid, text) for path in TABLES
            for msgid, text in json.loads(path.read_text(encoding="utf-8")).items()]


def test_each_msgid_has_its_indonesian_text_in_one_file():
    files = defaultdict(list)
    for name, msgid, _text in _entries():
        files[msgid].append(name)
    twice = {msgid: names for msgid, names in files.items() if len(names) > 1}
    assert twice == {}


def test_no_file_keeps_the_loan_word_check_out_in_indonesian():
    loans = [(name, msgid) for name, msgid, text in _entries() if re.search(r"check.?out|di-check", text, re.I)]
    assert loans == []
