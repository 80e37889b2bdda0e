"""A capture whose reading shows another card, not a KTP (issue 10, "no negative ever captured"; Run 29n).

The guidance can take a driving licence (SIM) for a KTP when its outline leaves out the SIM's red
band: pale ground, dark print, a photo - what a KTP shows too. The reading at capture sees what the
frame cannot: a SIM's rows are numbered ("1. ...", "2. ...") and its band, a bank card or a foreign
licence carry words no KTP prints. A capture is refused only on such positive evidence and only
where no reading of it shows anything of a KTP: a real KTP under glare or blur reads almost
nothing, and it must still be handed over (the visitor types what was not read), never refused
into a loop.
"""
from __future__ import annotations

import re
from typing import Iterable

ON = True  # switched off, every capture is handed over as before (the benches' main beside Run 29n)

# Words of other cards: an Indonesian SIM's band, a foreign or international licence, a bank card.
OTHER_WORDS = re.compile(r"SURAT\s*IZIN|MENGEMUDI|DRIVING|DRIVER|LICEN[CS]E|POLRI|KEPOLISIAN|\bBANK\b|DEBIT|"
                         r"CREDIT|VALID\s*THRU|GOOD\s*THRU")
# Anything of a KTP-el front, read anywhere: its labels and header. A SIM's "Nama" or "Lahir" rows are
# left out on purpose - they are on both cards.
KTP_WORDS = re.compile(r"N\s*[I1l|]\s*K\b|PROVINSI|KABUPATEN|KELAMIN|AGAMA|KAWIN|KEWARGANEGARAAN|"
                       r"KECAMATAN|KEL\s*/\s*DESA|RT\s*/\s*RW")
# A numbered row: a digit, a full stop (or the comma Tesseract reads for it), then the row's text;
# after at most four specks of one or two characters (a photo's edge, a finger read as "|" or "fe").
NUMBERED = re.compile(r"^(?:\S{1,2}\s+){0,4}([1-9])\s?[.,]\s+\w")
NUMBERED_ROWS = 3  # distinct row numbers on one crop: a SIM prints eight, a KTP none


def numbered_rows(lines: Iterable[str]) -> int:
    """How many distinct row numbers the lines begin with."""
    return len({m.group(1) for m in (NUMBERED.match(line) for line in lines) if m})


def shows_ktp(frames) -> bool:
    """Some reading found a KTP's NIK row, its header or one of its labels."""
    return any(f.nik or f.nik_options or f.province or f.regency or any(KTP_WORDS.search(line.upper())
                                                                      for line in f.lines) for f in frames)


def other_evidence(line_sets: Iterable[list[str]]) -> bool:
    """A crop's lines show another card: its numbered rows, or a word no KTP prints."""
    return any(numbered_rows(lines) >= NUMBERED_ROWS or any(OTHER_WORDS.search(line.upper()) for line in lines)
               for lines in line_sets)


def shows_other_card(reading) -> bool:
    """The capture's reading (reader.CardReading) shows another card and nothing of a KTP: the
    kiosk does not hand it over. A reading that filled a NIK is always a KTP's."""
    if not ON or reading is None or reading.nik:
        return False
    if shows_ktp(reading.frames):
        return False
    return other_evidence([f.lines for f in reading.frames] + list(reading.turned_lines))
