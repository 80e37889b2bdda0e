"""Which text line is which KTP field, decided by what each line says.

Order on every KTP: PROVINSI ..., KABUPATEN/KOTA ..., NIK : <16 digits>, Nama, Tempat/Tgl Lahir,
Jenis Kelamin. The NIK line is the one with 16 digits after "NIK" (or a run of 14-17 digit-like
characters); the name is the line after it; the other lines are found by their words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

_DIGIT_FIX = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "U": "0", "I": "1", "l": "1", "i": "1",
                            "|": "1", "!": "1", "L": "1", "J": "1", "Z": "2", "z": "2", "B": "8", "S": "5",
                            "s": "5", "G": "6", "b": "6", "T": "7", "?": "7", "g": "9", "q": "9", "A": "4",
                            "e": "2", "%": "6", "§": "5", "$": "5"})
# Characters Tesseract may put for a digit (each maps to one digit above); anything else splits a run.
# ("e" is how it reads OCR-A's 2, "%" a 6 touching its neighbour.)
_DIGITISH = "0-9OoDQUIl|!LJZzBSsGbT?gqAe%§$"


@dataclass
class CardFields:
    nik: str | None = None  # 16 digits as read (look-alike letters mapped), not yet checked
    nik_doubt: tuple[int, ...] = ()  # positions read as a look-alike letter, not as a digit
    nik_conf: float = 0.0  # the recogniser's confidence in the NIK (0..100)
    nik_options: tuple[str, ...] = ()  # other 16-digit readings of a 17-digit run (one extra character)
    nik_line: int | None = None  # index of the NIK line among the lines read
    second_opinion: bool = False  # a second recogniser's reading of the NIK line only
    crop: int = 0  # which crop of the steady run (0: the sharpest)
    name: str | None = None
    birth: tuple[int, int, int] | None = None  # day, month, year as printed
    sex: str | None = None  # "L" or "P"
    province: str | None = None  # text after PROVINSI
    regency: str | None = None  # "KABUPATEN X" or "KOTA X"
    lines: list[str] = field(default_factory=list)


# Kept: a capture compares the same few readings and region names again and again (every frame's
# NIK against the same header, each name reading against every other: ~90 ratios a capture, many
# repeated; Run 44t). A pure function of two strings, so the cache changes no answer.
@lru_cache(maxsize=4096)
def similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()


def nik_from_text(text: str) -> str | None:
    found = nik_with_doubt(text)
    return found[0] if found else None


def seventeen(text: str) -> tuple[str, ...]:
    """Every 16-digit string one character shorter than a 17-digit run on the line: one character
    too many (a colon or a doubled digit) can be anywhere; the cross-checks choose."""
    value = re.sub(r"^.*?N\s*[I1l|]\s*K\s*[:;.]?", "", text, count=1)
    for run in re.findall(f"[{_DIGITISH}][{_DIGITISH} ]*[{_DIGITISH}]", value):
        digits = run.replace(" ", "").translate(_DIGIT_FIX)
        if len(digits) == 17 and digits.isdigit():
            return tuple(dict.fromkeys(digits[:i] + digits[i + 1:] for i in range(17)))
    return ()


def nik_with_doubt(text: str) -> tuple[str, tuple[int, ...]] | None:
    """The 16 digits of a NIK line (the value after the label, look-alike letters mapped) and the
    positions that were letters."""
    value = re.sub(r"^.*?N\s*[I1l|]\s*K\s*[:;.]?", "", text, count=1) if re.search(r"N\s*[I1l|]\s*K", text[:8]) else text
    runs = re.findall(f"[{_DIGITISH}][{_DIGITISH} ]*[{_DIGITISH}]", value)
    for run in sorted(runs, key=len, reverse=True):
        raw = run.replace(" ", "")
        digits = raw.translate(_DIGIT_FIX)
        if not digits.isdigit():
            continue
        if len(digits) == 17 and not raw[0].isdigit() or len(digits) == 17 and raw[0] in "17":
            raw, digits = raw[1:], digits[1:]  # the colon read as a character
        if len(digits) == 16:
            return digits, tuple(i for i, ch in enumerate(raw) if not ch.isdigit())
    return None


def _value(text: str) -> str:
    """What follows the label's colon (or the label words when the colon was lost)."""
    if ":" in text:
        return text.split(":", 1)[1]
    return text


def clean_name(text: str) -> str | None:
    value = _value(text)
    value = re.sub(r"^\s*(nama|nam|ama)\b\s*[:;.]?", "", value.strip(), flags=re.I)
    for quote in "’‘`´\"":
        value = value.replace(quote, "'")
    value = re.sub(r"!(?=\s|$)", "I", value)  # a final I read as "!"
    value = value.upper().replace("0", "O").replace("1", "I").replace("5", "S").replace("|", "I")
    value = re.sub(r"[^A-Z .,'\-]", "", value)
    value = re.sub(r"\s*([-'])\s*", r"\1", value)
    # A KTP name has at most one mark in a row (a doubled apostrophe is one read twice).
    value = re.sub(r"([-'.,])[-'.,]+", r"\1", value)
    value = re.sub(r"\s+", " ", value).strip(" .,-'")
    return value or None


_DATE = re.compile(r"([0-9OIlSB]{2})\s*[-.]\s*([0-9OIlSB]{2})\s*[-.]\s*([0-9OIlSB]{4})")


def birth_from_text(text: str) -> tuple[int, int, int] | None:
    m = _DATE.search(text)
    if not m:
        return None
    d, mth, y = (g.translate(_DIGIT_FIX) for g in m.groups())
    if not (d + mth + y).isdigit():
        return None
    day, month, year = int(d), int(mth), int(y)
    if 1 <= day <= 31 and 1 <= month <= 12 and 1900 <= year <= 2100:
        return day, month, year
    return None


def sex_from_text(text: str) -> str | None:
    up = text.upper()
    if re.search(r"PER[EF]M|EMPUAN|REMPU", up):
        return "P"
    if re.search(r"LAKI|AKI-L|KI-LAK", up):
        return "L"
    return None


def _drop_label(text: str) -> str:
    """The name line with its label still on it (no colon found): drop a first word like NAMA."""
    words = text.split()
    if len(words) > 1 and len(words[0]) <= 5 and similar(words[0].upper().strip(":;."), "NAMA") >= 0.5:
        return " ".join(words[1:])
    return text


def drop_glued_label(text: str | None) -> str | None:
    """A reading without spaces of a name line that still shows its label ("NAMASRI", "NAMSYUHANG"
    for "Nama  : SRI"): the label's letters at its start are dropped. Only for lines whose label
    was seen in the image: a name may itself begin with NAMA."""
    if not text:
        return text
    up = text.upper()
    m = re.match(r"\s*N\s*[AEO]\s*[MN]\s*(?:[AEOU]|R\s*[EN]?)?\s*[:;.]?\s*", up)
    if m and len(up) - m.end() >= 2:
        return text[m.end():]
    return text


def name_like(text: str) -> bool:
    """A line that can be the name: letters, no digits (the birth line has a date), not another
    field's label (Tempat/Tgl Lahir, Jenis Kelamin, Gol. Darah, Alamat)."""
    if re.search(r"[0-9]", text):
        return False
    up = text.upper()
    if re.search(r"LAHIR|KELAMIN|DARAH|ALAMAT|TEMPAT|LAKI|PEREMPUAN", up):
        return False
    return len(re.sub(r"[^A-Z]", "", up)) >= 3


def identify(lines: list[str], confs: list[list[float]] | None = None,
             labelled: list[bool] | None = None) -> CardFields:
    """Fields from the lines of one card, top to bottom (confs: word confidences per line;
    labelled: the line image still shows its label, no colon was found to cut it at)."""
    out = CardFields(lines=list(lines))
    nik_at = None
    for i, text in enumerate(lines):
        found = nik_with_doubt(text)
        if found:
            out.nik, out.nik_doubt = found
            nik_at = out.nik_line = i
            # The digits are the line's last word(s): the weakest of those words counts.
            words = confs[i] if confs and confs[i] else [0.0]
            out.nik_conf = min(words[-2:]) if len(text.split()) > 1 and len(words) > 1 else words[-1]
            break
    if nik_at is None:
        for i, text in enumerate(lines):
            options = seventeen(text)
            if options:
                out.nik_options, nik_at = options, i
                out.nik_line = i
                words = confs[i] if confs and confs[i] else [0.0]
                out.nik_conf = words[-1]
                break
    if nik_at is None:
        for i, text in enumerate(lines):  # the label read, the digits not: the name still follows
            if re.match(r"\s*N\s*[I1l|]\s*K\b", text):
                nik_at = out.nik_line = i
                break
    if nik_at is not None and nik_at + 1 < len(lines):
        text = lines[nik_at + 1]
        if labelled is None or labelled[nik_at + 1]:
            text = _drop_label(text)
        out.name = clean_name(text)
    for i, text in enumerate(lines):
        if out.birth is None and (nik_at is None or i > nik_at):
            out.birth = birth_from_text(text)
        if out.sex is None and (nik_at is None or i > nik_at + 1):
            out.sex = sex_from_text(text)
    _header(out, lines, nik_at)
    if out.nik_line is None:
        out.nik_line = _nik_line_above_birth(lines)
    if out.nik_line is None and NIK_LINE_BY_DIGITS:
        out.nik_line = _nik_line_by_digits(lines)
    if out.name is None and nik_at is None and out.nik_line is not None and out.nik_line + 1 < len(lines):
        # The NIK's digits unread (small, soft print) but its line placed under the header: the
        # name still is the line after it, when that line reads like a name.
        text = lines[out.nik_line + 1]
        if labelled is None or labelled[out.nik_line + 1]:
            text = _drop_label(text)
        if name_like(text):
            out.name = clean_name(text)
    return out


def _nik_line_above_birth(lines: list[str]) -> int | None:
    """Where the NIK line lies when neither its 16 digits nor the header were read (a thumb over
    the header, small soft print): two lines above the birth line (its date read), when the line
    between reads like a name and the line above it shows most of a NIK's digits (dev run 10:
    3 of 48 wrong names had the name read right and no NIK line placed)."""
    for i, text in enumerate(lines):
        if birth_from_text(text):
            if i >= 2 and name_like(lines[i - 1]) and len(re.findall(r"[0-9]", lines[i - 2])) >= NIK_DIGITS_SEEN:
                return i - 2
            return None
    return None


NIK_DIGITS_SEEN = 10  # of 16: a line with this many digits above the name is the NIK line, misread


# The NIK line placed by its digits alone, where neither the 16-digit run, nor the label, nor the
# header, nor a birth date placed it (dev run 14t: "3471v..1605675320", a thumb over the
# header, the birth line unread; the name below read right and dropped). No other line of a
# KTP's top rows carries this many digits: the birth line's date has 8, RT/RW 6. The NIK is not
# read from it (nik stays None): only where the name lies. False: measurements.
NIK_LINE_BY_DIGITS = True
NIK_DIGITS_ALONE = 12  # of 16


def _nik_line_by_digits(lines: list[str]) -> int | None:
    """The first line with NIK_DIGITS_ALONE digits or more, when the line after it reads like a
    name; else None."""
    for i, text in enumerate(lines[:-1]):
        if len(re.findall(r"[0-9]", text)) >= NIK_DIGITS_ALONE:
            return i if name_like(lines[i + 1]) else None
    return None


# The card's left edge (or its shadow) that Tesseract reads as a word of its own before the
# header: "| PROVINSI ACEH" (dev still run 24, Run 46b). Only tokens no printed header word can be:
# bars and "!", and a lone lowercase "l" (the header is printed in capitals); an "I" or a "1" may
# be a letter or a digit of the line and is kept.
_EDGE = re.compile(r"^(?:\s*(?:[|!]+|l)(?=\s))+")


def _past_edge(text: str) -> str:
    """The line without the bar-like tokens the card's edge left before its first word."""
    return _EDGE.sub("", text + " ").strip()


def _first_word_like(text: str, word: str) -> str | None:
    """The rest of the line if its first word reads like `word` (a letter or two misread)."""
    words = re.sub(r"[^A-Z0-9!| ]", " ", _past_edge(text).upper()).split()
    if words and similar(words[0], word) >= 0.75:
        return " ".join(words[1:])
    return None


def _header(out: CardFields, lines: list[str], nik_at: int | None) -> None:
    """PROVINSI <name> and KABUPATEN/KOTA <name>: the two lines above the NIK, or found by their
    first word anywhere above it."""
    above = lines[:nik_at] if nik_at is not None else lines
    for i, text in enumerate(above):
        rest = _first_word_like(text, "PROVINSI")
        if rest is not None:
            out.province = rest.strip() or None
            if i + 1 < len(above):
                out.regency = re.sub(r"[^A-Z ]", "", _past_edge(above[i + 1]).upper()).strip() or None
            if out.nik_line is None and i + 2 < len(lines):
                out.nik_line = i + 2  # unread, but where the NIK line must be
            return
    if nik_at is not None and nik_at >= 1:
        reg = re.sub(r"[^A-Z ]", "", _past_edge(lines[nik_at - 1]).upper()).strip()
        if _first_word_like(reg, "KABUPATEN") is not None or _first_word_like(reg, "KOTA") is not None:
            out.regency = reg


_MARK = re.compile(r"['-]")


def _with_marks(marked: str, letters: str) -> str:
    """`letters` with the apostrophes and hyphens of `marked` (another reading of the same
    letters) at the same share of the way along."""
    if not re.search(r"[A-Z]", letters):
        return marked  # RapidOCR saw a mark of its own there (".", ","): Tesseract's stands
    plain = _MARK.sub("", marked)
    out, last = [], 0
    for m in _MARK.finditer(marked):
        before = len(_MARK.sub("", marked[:m.start()]))
        at = round(before * len(letters) / max(1, len(plain)))
        out.append(letters[last:at])
        out.append(m.group())
        last = at
    out.append(letters[last:])
    return "".join(out)


def respace(spaced: str, letters: str | None) -> str:
    """`letters` (a reading without the spaces between words, as RapidOCR gives) with the spaces
    of `spaced` (Tesseract's reading of the same line) put back where the two align. Keeps
    `spaced` when the two readings are too different to align."""
    if not letters:
        return spaced
    a, b = spaced.replace(" ", ""), letters.replace(" ", "")
    if not a or similar(a, b) < 0.6:
        return spaced
    # RapidOCR drops thin letters (an I between two others: "DEWI" -> "DEW", "WIDYA" -> "WDYA");
    # a letter or two only Tesseract saw (not before the name: that may be its label) is put back.
    # Its model also has no apostrophe or hyphen inside a word (O'NEIL -> ONEIL): those Tesseract
    # read are put back too.
    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    merged = []
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "delete" and (k > 0 and re.fullmatch(r"[A-Z]+", a[i1:i2]) and i2 - i1 <= 2
                                or 0 < i1 and i2 < len(a) and a[i1:i2] in ("'", "-")):
            merged.append(a[i1:i2])
        elif tag == "replace" and 0 < i1 and i2 < len(a) and _MARK.search(a[i1:i2]) and not _MARK.search(b[j1:j2]):
            # Tesseract's apostrophe or hyphen beside a letter the two read differently
            # (MA'KUF against MARUF): the mark is put back at its place among RapidOCR's letters.
            merged.append(_with_marks(a[i1:i2], b[j1:j2]))
        else:
            merged.append(b[j1:j2])
    b = re.sub(r"([-'])\1+", r"\1", "".join(merged))
    cuts, n = [], 0
    for ch in spaced:
        if ch == " ":
            cuts.append(n)
        else:
            n += 1
    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    # Letters only RapidOCR saw before the name (its label) or just after it (a stray mark) are
    # dropped; three or more after it are the end of a long name, printed small, that
    # Tesseract lost (TIGUS for TIGUSRIKIR).
    if ops and ops[-1][0] == "insert" and ops[-1][4] - ops[-1][3] <= 2:
        b = b[:ops[-1][3]]
        ops = ops[:-1]
    if ops and ops[0][0] == "insert":
        cut = ops[0][4]
        b = b[cut:]
        ops = [(t, i1, i2, j1 - cut, j2 - cut) for t, i1, i2, j1, j2 in ops[1:]]
    mapping = {}
    for tag, i1, i2, j1, j2 in ops:
        if tag == "insert":
            # Letters only RapidOCR saw at a word boundary end the word before (Tesseract drops a
            # final thin I: SIT DEWI for SITI DEWI, SR HOBIS for SRI HOBIS), not start the next.
            mapping[i1] = j2
            continue
        if tag == "replace" and j2 - j1 > i2 - i1:
            mapping[i1] = j2 - (i2 - i1)  # likewise the extra letters of a longer replacement
        for k in range(i1, i2 + 1):
            mapping.setdefault(k, j1 + round((k - i1) * (j2 - j1) / max(1, i2 - i1)))
    spots = sorted({mapping.get(c, c) for c in cuts if 0 < mapping.get(c, c) < len(b)})
    out, last = [], 0
    for j in spots:
        out.append(b[last:j])
        last = j
    out.append(b[last:])
    return re.sub(r"\s*([-'])\s*", r"\1", " ".join(part for part in out if part))
