"""Read NIK and name from one or several straightened crops of the same card.

Per crop: clean and deskew the card, find its text lines (lines.py). The first lines of every crop
go into one sheet and one OCR call; each crop's lines are then named by content (fields.py),
checked against the card (crosscheck.py) and the crops are voted (vote.py).
"""
from __future__ import annotations

import datetime as dt
import re
import subprocess
import threading
import time
from contextlib import nullcontext
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Mapping, Sequence

import cv2
import numpy as np

from . import tesseract
from .crosscheck import DATE_DIGITS, Check, check_nik
from .fields import _DIGIT_FIX, _DIGITISH
from .fields import (CardFields, name_like, clean_name, drop_glued_label, identify, nik_with_doubt, respace,
                     seventeen, similar)
from . import lines as lines_mod
from .lines import TextLine, clean_grays, find_lines, ink_mask, line_image, merge_faint_rows, missed_row, rotate, skew_angle
from .name_line import LineCut, clear_start, drop_split_spaces, name_cut, name_image, washed_end, washed_start
from . import name_alone, name_dispute, name_sure, name_titles
from .last_digit import letter_only_last
from .lone_reading import confirmed_on_crops, lone_reading
from .name_pick import merge as merge_name
from .mended_digit import mended_against_reading
from .once import capture_memo
from .own_date import settles_nothing, tesseract_niks
from .unseen_digits import later_crops_read_otherwise
from .vote import disputed, later_crops_may_veto, merge_fields, vote

LINES_PER_CARD = 7  # header (2), NIK, name, birth, sex, and one spare for a split header


@dataclass
class CardReading:
    nik: str | None  # filled only when confident and cross-checked
    name: str | None
    status: str  # the NIK check: accepted, corrected, unconfirmed, rejected
    read_from_card: list[str]
    frames: list[CardFields] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    engine: str = "tesseract"
    rotated: bool = False
    ms: float = 0.0
    voters: int = 0  # crops read (frames of the steady run)
    # The lines read on the crops turned upside down where that reading was not taken (no NIK on
    # it either): other_card.py asks them too - a SIM held upside down reads as one there.
    turned_lines: list[list[str]] = field(default_factory=list)

    @property
    def raw_nik(self) -> str | None:
        """The engine's best 16-digit reading, filled or not (for measurements): the filled NIK;
        else the reading the card confirmed most often; else the most common reading. Ties go to
        the second recogniser (it reads digits better: docs/idscan.md, OCR decision)."""
        if self.nik:
            return self.nik
        checks = self.checks or [None] * len(self.frames)
        confirmed = [(c.nik, f.second_opinion) for f, c in zip(self.frames, checks)
                     if c is not None and c.nik and c.status in ("accepted", "corrected")]
        read = confirmed or [(f.nik, f.second_opinion) for f in self.frames if f.nik]
        if not read:
            return None
        niks = [n for n, _s in read]
        return max(read, key=lambda r: (niks.count(r[0]), r[1]))[0]


NAME_HEIGHT = 48  # px: RapidOCR's recogniser input height (dev: 68 of 145 name lines at 48, 65 at 64)
# The name row cut at the value column where its own label gap disagrees (name_line.py), and read
# in Tesseract and RapidOCR calls of its own. False: measurements.
RECUT_NAMES = True
# Spaces Tesseract put inside a word dropped where the name line's image shows no gap (name_line.py).
SPLIT_SPACES = True
NAME_ROWS = (2, 6)  # the rows that can be the name (below the NIK; a header row may be lost under a thumb)


def card_rows(crop: np.ndarray) -> tuple[list[tuple[TextLine, bool]], tuple, tuple | None]:
    """The card's top text rows, each with whether it was found only on the lifted image (a row
    a glare band washed out: lines.merge_faint_rows), and the deskewed (clean, gentle) images,
    plain and lifted, to cut them from."""
    clean, gentle = clean_grays(crop)
    angle = skew_angle(ink_mask(clean))
    clean, gentle = rotate(clean, angle), rotate(gentle, angle)
    rows = [(line, False) for line in find_lines(clean, LINES_PER_CARD)]
    lifted = None
    if lines_mod.GLARE_LIFT and missed_row([r for r, _f in rows]):
        lifted = tuple(rotate(img, angle) for img in clean_grays(crop, lift=True))
        rows = merge_faint_rows([r for r, _f in rows], find_lines(lifted[0], LINES_PER_CARD + 3),
                                clean.shape[1], LINES_PER_CARD)
    return rows, (clean, gentle), lifted


def card_lines(crop: np.ndarray) -> list[tuple[np.ndarray, bool, np.ndarray]]:
    """Line images of the card's top lines, each with whether it still shows its label, and the
    same line for RapidOCR's name reading (gentle grey at its input height: lines.clean_grays)."""
    rows, (clean, gentle), lifted = card_rows(crop)
    found = [line for line, _faint in rows]
    out = []
    for at, (line, faint) in enumerate(rows):
        c, g = lifted if faint else (clean, gentle)
        cut = LineCut((line_image(c, line), line.value_x0 is None, line_image(g, line, height=NAME_HEIGHT)))
        cut.source = (c, line)  # the row and the image it was cut from: nik_line_cuts cuts it anew
        cut.gentle = g  # RapidOCR's image of it: birth_line.wide_cut, _gentle_nik_frame cut it anew
        # RapidOCR's image of the row read as a name reaches the letters a glare band washed out
        # (name_line.washed_end); Tesseract's, and RapidOCR's of any other line (the birth date:
        # birth_line.py), keep the row's extent.
        end = washed_end(g, line) if NAME_ROWS[0] <= at < NAME_ROWS[1] else None
        # ... and the letters at its start the band washed out (name_line.washed_start).
        start = washed_start(g, line, found, at) if NAME_ROWS[0] <= at < NAME_ROWS[1] else None
        if end or start:
            wide = replace(line, x1=end or line.x1, value_x0=start or line.value_x0)
            if wide.value_x0 is not None:
                wide = replace(wide, value_x0=clear_start(g, wide, wide.value_x0))
            cut.wide = line_image(g, wide, height=NAME_HEIGHT)
        elif NAME_ROWS[0] <= at < NAME_ROWS[1] and line.value_x0 is not None:
            # ... and begins on paper, not inside a pale first letter (name_line.clear_start). Only
            # the image read as a name: the birth line's reading (birth_line.py) keeps its own cut.
            x0 = clear_start(g, line, line.value_x0)
            if x0 != line.value_x0:
                cut.clear = line_image(g, replace(line, value_x0=x0), height=NAME_HEIGHT)
        if RECUT_NAMES and NAME_ROWS[0] <= at < NAME_ROWS[1]:
            # The name row's cut at the value column (name_line.py), read in a call of its own.
            cut.name_cut = name_cut(line, found, at, (c, g), NAME_HEIGHT, end)
        out.append(cut)
    return out


RAPID_LINES = slice(2, 5)  # the sharpest crop's lines RapidOCR reads beside Tesseract: NIK and name lie there
# Skip RapidOCR on the later crops' name lines when every reading already agrees (_names_settled;
# dev: the same names on 129 + 63 runs, ~0.8 fewer lines per capture). False: measurements.
SETTLE_NAMES = True
# ... but not while the names model doubted a letter of its reading of the sharpest crop's row
# (name_sure.doubts): the doubt rule judges the name by the names model's readings, and the later
# crops' rows, never shown to it, could not confirm the letter (dev stranger3 run 13, ZAINAL ANGGRAINI
# read so by Tesseract on two crops, one letter doubted at 0.51: left empty). The model reads them
# then, and a name the vote makes of them is filled only with the letters the readings were about to
# settle on (docs/idscan.md, Run 48c). False: measurements.
SETTLE_SURE = True
_UNSETTLED = threading.local()  # .letters: the letters a doubted reading kept from settling (this capture)
# ... and when the two recognisers read the sharpest crop's name alike and Tesseract read it so on
# at least this many later crops (0: off; docs/idscan.md, Run 11c).
SETTLE_AGREED = 1
# The later crops' name lines read by RapidOCR only in _second_names, not in _read_sets: a crop
# whose name row is cut anew (_recut_names) or whose NIK line lies elsewhere had it read twice,
# the first reading thrown away (same readings otherwise: Run 11c). False: measurements.
LAZY_NAMES = True
# The sharpest crop's name row, where it has a cut at the value column, read by RapidOCR on that
# cut at once (not on the sheet's cut first and then again in _recut_names). False: measurements.
FIRST_CUT = True
UNREAD = "\0"  # names[k] of a later crop's name line not read yet (_second_names reads it)
# When the vote filled nothing but RapidOCR read a NIK on the sharpest crop, Tesseract reads the
# NIK line of the fused crops (_fused_frame) once more: where it agrees, the two recognisers'
# agreement fills as it does on one crop (vote._engines_confirm). Dev, 269 captured runs: 213 -> 216
# filled right, 0 wrong before and after; fused on 27 of them (~80-140 ms CPU each). False: measurements.
FUSED_CONFIRM = True
FUSED_CROPS = 3  # the kiosk's captures hold 3 crops (the tracker fires after 3 steady frames)
# After the fusion, the same case: Tesseract reads the NIK line of each crop once more, cut anew
# at 48 px (its sheet's cut is 32 px) and restricted to digits (_digit_frames). Dev, 344 captured
# runs: on no crop did such a reading equal a NIK RapidOCR misread on the sharpest crop; single
# frames filled right 257 -> 260, no vote changed (docs/idscan.md, Run 10). False: measurements.
DIGITS_CONFIRM = True
DIGITS_HEIGHT = 48
DIGITS = "0123456789"
# A NIK filled without the printed date rests on the two recognisers agreeing on one crop: where
# Tesseract's digits-only reading of that line reads a digit otherwise and RapidOCR was unsure of
# that digit (vote.disputed), nothing is filled (dev: the one wrong single-frame fill, a 1980 read
# as 1960 by both, refused; no right fill lost). False: measurements.
DIGITS_VETO = True
# A NIK whose last digit RapidOCR doubted on the sharpest crop (or read no digit there) is not
# filled, whatever else agreed: nothing on the card checks that digit, and the photo box or a
# thumb can half hide it (last_digit.py; dev: 4 wrong fills refused, 3 right ones too, all on
# half-hidden last digits). False: measurements.
LAST_DIGIT_VETO = True
# The same veto where the printed date agreed but no Tesseract reading is this NIK: the fill rests
# on RapidOCR's one reading (a rejected reading of other digits beside it counts as a second vote
# in vote.vote_nik, so the "lone reading" rule passes), and the date cannot see digits 5-6 and
# 13-16. Stranger cards (Run 14w): a serial 8 RapidOCR read as 6 at 0.67, Tesseract's second model
# reading 8, filled. False: measurements.
ALONE_VETO = True
# A voted name is filled only where the names model's reading most like it doubted none of its
# letters (name_sure.py; docs/idscan.md, Run 19r). False: measurements (every voted name filled).
NAME_SURE = True
# ... and where every reading the names model made of the name row is the same, each letter sure,
# that reading is the name, Tesseract's marks kept (name_sure.model_name; docs/idscan.md, Run 20n).
# Off: on dev it gained 3 of 163 voted names and lost none, on the held-out split it lost two right
# names the model read with two words glued ("PUTRITAROT") for one gained. True: measurements.
NAME_MODEL_SURE = False
# The same, but the vote's word spaces kept where the model's sure reading has none
# (name_sure.with_spaces): the model's letters, Tesseract's word breaks. Dev: steady runs 62 -> 64
# of 84 names right, single frames unchanged, no wrong name more; held-out single frames 64 -> 65 of
# 107, nothing lost (docs/idscan.md, Run 21n). False: measurements (reads as main before Run 21n).
NAME_MODEL_LETTERS = True
# Where RapidOCR placed no NIK line on the sharpest crop (a thumb over it), the names model reads the
# row after Tesseract's NIK line, so the name rules have a reading to judge Tesseract's name by
# (name_alone.py; docs/idscan.md, Run 22n). False: measurements (reads as main before Run 22n).
NAME_ROW_ALONE = True
# ... and a voted name that no reading the names model made in the capture is like (name_sure.LIKE) is
# left to the visitor: nothing judged it (name_sure.seen_by_model; docs/idscan.md, Run 22n; Run 21n
# measured it before NAME_ROW_ALONE, when it cost right names the model had not read). False:
# measurements.
NAME_UNSEEN_EMPTY = True
# The same doubt seen by Tesseract: its sheet read the NIK line as the filled NIK's first 15 digits
# and then a mark that is no digit (">" for a 3 a thumb half hides) on some crop. RapidOCR read a
# sure 7 there and the digits-only cuts, which must put a digit, agreed: the one wrong fill on fresh
# dev draws (last_digit.sheet_marks_last; docs/idscan.md, Run 19r). False: measurements.
SHEET_MARK_VETO = True
# A NIK filled without the printed date where RapidOCR doubted one of its birth-date digits on the
# sharpest crop: RapidOCR reads the crops' birth lines, and the NIK stays filled only where a date
# read there agrees and none disagrees (date_doubt.py; fresh dev draw 7373, card 35: a small soft
# card's 1995 read 1993 by both recognisers, the date unread; docs/idscan.md, Run 20w). False:
# measurements.
DATE_DOUBT_VETO = True
# A NIK the date confirms where that date is RapidOCR's own reading and Tesseract's NIK readings
# differ from it only at the date's digits: filled only where Tesseract read that NIK or a date
# that agrees (own_date.py; fresh dev draw 8484, card 7: 11-08-1964 read 11-06 on both lines by
# RapidOCR; docs/idscan.md, Run 20v). False: measurements.
OWN_DATE_VETO = True
# Where RapidOCR's dates do not confirm a NIK the date-doubt veto looks at, Tesseract reads the
# sharpest crop's birth line at 48 px (birth_line.tesseract_date_of_row); a date that agrees keeps
# the fill (docs/idscan.md, Run 20v). False: measurements.
TESSERACT_BIRTH = True
# A birth digit of the filled NIK that no reading of the NIK line read (the printed date mended it)
# while one read another digit there (mended_digit.py; Run 21w, fresh dev 9393 card 56). False:
# measurements.
MENDED_VETO = True
# A last digit every Tesseract reading of the filled NIK read as a look-alike letter ("I", "l"),
# none as a digit: RapidOCR alone read that digit, and nothing on the card checks it
# (last_digit.letter_only_last; fresh dev 3434, still run 4, docs/idscan.md, Run 31w). False:
# measurements.
LETTER_LAST_VETO = True
# A NIK no Tesseract reading is (RapidOCR's reading of one crop) filled with the printed date: the
# later crops' NIK lines are read by RapidOCR too, and one read otherwise at a digit the date and
# header do not see (5-6, 13-16) leaves the field to the visitor (unseen_digits.py; dev card 19, a
# moving glared card's serial 9 read 0 by both recognisers; docs/idscan.md, Run 40a). False:
# measurements.
LONE_LATER_VETO = True
CHECKED_DIGITS = {"date": DATE_DIGITS, "region": range(0, 4)}  # NIK positions (0-based) each check sees
# Where the vote still filled nothing but RapidOCR read a NIK the card does not contradict,
# Tesseract reads that NIK line of every crop once more with its second model (tessdata_best as
# int, tesslib.use_best_tessdata): it reads OCR-A's digits better than Debian's fast model, but
# the engine's other rules were measured on the fast model's readings (docs/idscan.md, Run 12b).
# Without the model nothing changes. False: measurements.
BEST_CONFIRM = True
# Both cuts of each crop's NIK line: the sheet's (one call for all crops) and the 48 px digits-only
# one (_digit_frames'). "sheet" / "digits": one of them (measurements).
BEST_CUT = "both"
# Where the vote still filled nothing, no crop's birth date was read and RapidOCR read a NIK the
# card does not contradict, RapidOCR reads the sharpest crop's birth line (birth_line.py;
# docs/idscan.md, Run 13a). False: measurements.
BIRTH_READ = True
# Where the vote filled nothing because the date Tesseract read contradicts the NIK both
# recognisers read (RapidOCR on the sharpest crop, Tesseract on any), RapidOCR reads the sharpest
# crop's birth line; a date there that agrees with that NIK outvotes Tesseract's dates
# (birth_line.outvoted). Dev, 426 captured runs: votes 323 -> 330, single frames 305 -> 317
# filled right, no wrong fill (docs/idscan.md, Run 14s). False: measurements.
BIRTH_OUTVOTE = True
# Where the vote still filled nothing and RapidOCR read a NIK on the sharpest crop, RapidOCR reads
# the birth line of every crop (the sharpest crop's alone left the date unread or misread on 9 of
# 20 empty dev votes: docs/idscan.md, Run 15a). A date that agrees with that NIK and that no crop
# contradicts becomes the printed date: where Tesseract read no date, read on one crop; where
# Tesseract read a date that contradicts it, read alike on two crops (birth_line.crop_dates).
# Docs: Run 16a. False: measurements.
BIRTH_CROPS = True
_STEPS: list[str] = []  # measurements only
# A line a later step cuts anew pixel for pixel as an earlier step did is not read again by the
# same model: the earlier reading is given (once.py; dev, Run 21t: the same outcomes, the birth
# line and the NIK line's digits-only cut and scores no longer read twice). False: measurements.
READ_ONCE = True
# ... and where the vote still refuses, the NIK both recognisers read alike, that the header and
# that date confirm, fills when every other reading is one the card contradicts. False: measurements.
BIRTH_CROPS_ALIKE = True
# A reading of the NIK line the crops' date or the header rejects does not veto a NIK they both
# confirm (vote's overrule; docs/idscan.md, Run 17a: dev8, dev288). False: measurements.
REJECTED_NO_VETO = True
BIRTH_CROPS_LEAST = (1, 2)  # crops reading the date alike: where Tesseract read none / read another
# Where the vote filled nothing and RapidOCR read no NIK on the sharpest crop's clean cut that the
# card does not contradict, RapidOCR reads its NIK row once more: cut from the gentle grey (the ink's grey edges kept, as
# for the name rows) at its input height, the row's right end taken to the text columns' end.
# A laminate glare band washes the digits under it out of the clean cut and ends the row where
# the band begins (stranger dev: 4 of 30 glare cards had no NIK reading, 2 of them read so);
# the clean scale merges a small or soft card's digits (OCR-A 8 as 6). Its reading is one more
# RapidOCR reading of the sharpest crop; the vote and the vetoes after it decide as for any other
# (docs/idscan.md, Run 16b). False: measurements.
GENTLE_NIK = True
GENTLE_NIK_DIGITS = 4  # a row whose readings show this many digits may be the NIK row cut short
# RapidOCR reads a later crop's NIK line for the veto only where Tesseract placed that crop's NIK
# line there too or nowhere: elsewhere _second_opinions drops that reading whatever it says, so it
# is not made (Run 31o). False: measurements.
VETO_WHERE_KEPT = True
# _second_names reads no further crop's name row once the names model read it alike and sure on two
# crops (name_sure.agreed) and Tesseract put no apostrophe or hyphen in the names so far (one crop's
# mark is kept against the others' "nothing" in name_vote: a later crop is no longer one voice
# there). Run 31o. False: measurements.
LATER_NAMES_AGREED = True
MARKS = re.compile(r"['-]")
OTHER_LINES = slice(1, 5)  # the lines Tesseract reads of the 2nd..nth crop: NIK and name lie in
                           # there whether or not a stray line (the crop's edge) comes first


def _read_sets(crops: list[np.ndarray], engine: str) -> tuple[list, list, list, dict, dict]:
    """Each crop's lines as (text, word confidences, labelled), the line images, and (engine
    "both") RapidOCR's texts of the first crop's lines RAPID_LINES up to its NIK line and the
    name line after it (second[0], "" where unread), the other crops' name lines ({crop: (line
    index, text)}), read while Tesseract runs, and their NIK line images ({crop: (line index,
    image)}), read only when they may veto a fill (_veto_readings)."""
    # The sharpest crop gives the printed evidence (header, birth, sex); the others add NIK and
    # name readings to the vote: each line read costs ~10 ms of Tesseract CPU.
    second: list[list] = [[] for _ in crops]  # crop 0: texts; later crops: (line, text)
    _UNSETTLED.letters = None
    names: dict[int, tuple[int, str]] = {}
    later: dict[int, tuple[int, np.ndarray]] = {}
    if engine == "rapidocr":
        from .rapid import read_lines as rapid_lines
        per_card = _lines_of(crops)
        texts = rapid_lines(_flat(per_card))
    elif engine == "both":
        from .rapid import chars_read, read_lines as rapid_lines, read_names as rapid_names
        with ThreadPoolExecutor(max_workers=1) as pool:  # Tesseract releases the GIL: both cores work
            per_card = _lines_of(crops)
            job = pool.submit(tesseract.read_lines, _flat(per_card))
            # Line by line from the top of RAPID_LINES until one reads as a NIK: each line costs
            # RapidOCR ~35-50 ms of CPU, and the lines below the name are not its to read.
            first = per_card[0][RAPID_LINES]
            second[0] = [""] * len(first)
            at = None
            for j, (img, labelled, _soft) in enumerate(first):
                text = rapid_lines([img])[0][0]
                # Its model reads the label glued to the name ("NAMASRI"): dropped where it shows.
                second[0][j] = drop_glued_label(text) if labelled else text
                if nik_with_doubt(second[0][j]) or seventeen(second[0][j]):
                    at = j
                    break
            if at is not None and at + 1 < len(first):
                # The line after the NIK (the name), cut for RapidOCR (lines.clean_grays). The NIK
                # stays read from the clean cut its rules were measured on (re-cutting every
                # RapidOCR line let one wrong NIK through on dev).
                _img, labelled, _soft = first[at + 1]
                soft = name_image(first[at + 1])
                cut = getattr(first[at + 1], "name_cut", None) if RECUT_NAMES and FIRST_CUT else None
                if cut is not None:
                    # The row cut anew at the value column, as _recut_names would read it next.
                    labelled, soft = False, cut[1]
                text = rapid_names([soft])[0][0]
                second[0][at + 1] = drop_glued_label(text) if labelled else text
            texts = job.result()
            if at is not None:
                # The other crops' name lines, where the first crop's lies (frames of one steady
                # card show the same lines), for _second_names; their NIK lines for the veto.
                # Read after Tesseract: where it read every crop's name with the letters
                # RapidOCR read on the sharpest crop, more readings cannot change the name.
                idx = RAPID_LINES.start + at + 1 - OTHER_LINES.start
                settled = (SETTLE_NAMES and at + 1 < len(first)
                           and _names_settled(texts, per_card, idx, second[0][at + 1]))
                if settled and SETTLE_SURE and name_sure.doubts(chars_read(soft)):
                    # The readings agree, but the names model doubted its own: the later crops
                    # are shown to it, and the name may only be what they were settling on.
                    settled = False
                    _UNSETTLED.letters = name_sure.letters(clean_name(second[0][at + 1]) or "")
                for k in range(1, len(per_card)):
                    if 0 < idx < len(per_card[k]):
                        names[k] = (idx, None if settled else
                                    UNREAD if LAZY_NAMES else rapid_names([per_card[k][idx][2]])[0][0])
                        later[k] = (idx - 1, per_card[k][idx - 1][0])
    else:
        per_card = _lines_of(crops)
        texts = tesseract.read_lines(_flat(per_card))
    out, i = [], 0
    for lines in per_card:
        out.append([(text, conf, labelled) for (text, conf), (_img, labelled, _soft) in zip(texts[i:i + len(lines)], lines)])
        i += len(lines)
    return out, per_card, second, names, later


def _lines_of(crops: list[np.ndarray]) -> list[list]:
    """Each crop's lines as the sheet takes them: the sharpest crop's from its top, the others'
    OTHER_LINES."""
    return [card_lines(c) if k == 0 else card_lines(c)[OTHER_LINES] for k, c in enumerate(crops)]


def _flat(per_card: list[list]) -> list[np.ndarray]:
    """The line images of every crop, in order: the rows of Tesseract's one sheet."""
    return [img for lines in per_card for img, _labelled, _soft in lines]


def _names_settled(texts: list, per_card: list, idx: int, rapid_name: str) -> bool:
    """Tesseract read the name line of every crop with the same letters as RapidOCR read the
    sharpest crop's: RapidOCR's reading of the later crops' name lines is not needed then."""
    first = idx + OTHER_LINES.start  # the sharpest crop reads every line from its top
    at, readings = len(per_card[0]), [texts[first][0], rapid_name]
    for lines in per_card[1:]:
        readings.append(texts[at + idx][0] if idx < len(lines) else "")
        at += len(lines)
    letters = [(clean_name(t) or "").replace(" ", "") for t in readings]
    if len(set(letters)) == 1 and "" not in letters:
        return True
    # The two recognisers read the sharpest crop's name alike and a later crop's Tesseract
    # reading agrees: three readings of the name already carry the vote.
    return bool(SETTLE_AGREED and letters[0] and letters[0] == letters[1]
                and sum(t == letters[0] for t in letters[2:]) >= SETTLE_AGREED)


def _veto_readings(frames: list[CardFields], later: dict[int, tuple[int, np.ndarray]]) -> list[CardFields]:
    """RapidOCR's readings of the later crops' NIK lines (vote._later_crops_object): read only
    when the vote filled a NIK that they may veto (vote.later_crops_may_veto); they fill nothing."""
    from .rapid import read_lines as rapid_lines

    second: list[list] = [[] for _ in frames]
    for k, (line, img) in later.items():
        if k >= len(second):
            continue
        if VETO_WHERE_KEPT and frames[k].nik_line is not None and frames[k].nik_line != line:
            # Tesseract placed this crop's NIK line elsewhere: _second_opinions would drop
            # RapidOCR's reading of this line whatever it read (~40 ms of CPU saved).
            continue
        second[k].append((line, rapid_lines([img])[0][0]))
    return _second_opinions(frames, second)


def _second_opinions(frames: list[CardFields], second: list[list]) -> list[CardFields]:
    """RapidOCR's reading of each crop's NIK line: its model reads digits (OCR-A's above all)
    better than Tesseract; the printed evidence stays Tesseract's. Its name, which lacks the
    spaces, gets them back from Tesseract's reading of the same line."""
    out = []
    for k, (f, texts) in enumerate(zip(frames, second)):
        if k > 0 or not texts:
            # The 2nd..nth crop: RapidOCR read its NIK line where the first crop's lies (`second`
            # holds (line, text) there); kept only where Tesseract placed it there too or nowhere.
            for line, text in texts:
                found = nik_with_doubt(text)
                options = () if found else seventeen(text)
                if (found or options) and line == (f.nik_line if f.nik_line is not None else line):
                    out.append(replace(f, nik=found[0] if found else None, nik_doubt=found[1] if found else (),
                                       nik_options=options, nik_conf=90.0, second_opinion=True, lines=[text],
                                       name=None, crop=k))
            continue
        start = RAPID_LINES.start
        at = f.nik_line - start if f.nik_line is not None and 0 <= f.nik_line - start < len(texts) else None
        order = ([at] if at is not None else []) + [j for j in range(len(texts)) if j != at]
        for j in order:
            found = nik_with_doubt(texts[j])
            options = () if found else seventeen(texts[j])
            if found or options:
                out.append(replace(f, nik=found[0] if found else None, nik_doubt=found[1] if found else (),
                                   nik_options=options, nik_conf=90.0, second_opinion=True, lines=[texts[j]]))
                if j + 1 < len(texts) and f.name:
                    f.name = merge_name(f.name, clean_name(texts[j + 1]))
                elif j + 1 < len(texts) and name_like(texts[j + 1]):
                    # Tesseract read neither the NIK's digits nor (so) a name: the line after the
                    # NIK RapidOCR read is the name, spaced like Tesseract's reading of that line
                    # where the two agree.
                    own = clean_name(f.lines[start + j + 1]) if start + j + 1 < len(f.lines) else None
                    letters = clean_name(texts[j + 1])
                    if own and letters and similar(own.replace(" ", ""), letters.replace(" ", "")) >= 0.6:
                        f.name = respace(own, letters)
                    else:
                        f.name = letters
                break
    return out


def _second_names(frames: list[CardFields], images: list, read: dict[int, tuple[int, str]]) -> None:
    """RapidOCR's reading of the name line of the 2nd..nth crop too (its letters with Tesseract's
    spaces, as for the first crop): on dev its letters beat Tesseract's on soft and small cards,
    and more readings of that quality give the name vote something to agree on (dev, 129 steady
    runs: names right 74 -> 79). Read while Tesseract ran where the first crop's NIK line says
    (`read`); a crop whose lines lie otherwise is read now. The NIK stays Tesseract's there."""
    from .rapid import logged_names, read_names as rapid_names

    for k, f in enumerate(frames):
        if k == 0 or f.nik_line is None or f.nik_line + 1 >= len(images[k]):
            continue
        if (LATER_NAMES_AGREED and k >= 2 and not any(MARKS.search(g.name or "") for g in frames[:k + 1])
                and name_sure.agreed(logged_names())):
            # The names model read the name row alike and sure on two crops already (name_sure.agreed)
            # and no Tesseract reading so far puts a mark in it: this crop is one voice (1.0) against
            # those two (2.0) in name_vote, and the names model's rules judge by readings like these.
            continue
        _img, labelled, _soft = images[k][f.nik_line + 1]
        soft = name_image(images[k][f.nik_line + 1])
        idx, text = read.get(k, (None, ""))
        if idx == f.nik_line + 1 and text is None:
            continue  # the name settled (_names_settled): Tesseract's reading stands
        if idx != f.nik_line + 1 or text is None or text == UNREAD:
            text = rapid_names([soft])[0][0]
        name_alone.add_model_letters(f, text, labelled)


def _recut_names(frames: list[CardFields], images: list, second: list[list], names: dict, both: bool) -> None:
    """Each crop's name row cut anew at the value column (name_line.py) where that cut differs
    from the sheet's: Tesseract reads those cuts in a call of their own (the sheet of the other
    lines stays as it was, so no NIK reading moves) and its reading replaces the crop's name;
    RapidOCR's name reading (the sharpest crop's, and the later crops' through _second_names)
    is taken from the new cut too."""
    todo = []
    for k, f in enumerate(frames):
        at = f.nik_line + 1 if f.nik_line is not None else None
        if at is None or at >= len(images[k]):
            continue
        cut = getattr(images[k][at], "name_cut", None)
        if cut is not None:
            todo.append((k, at, cut))
    if not todo:
        return
    texts = tesseract.read_lines([img for _k, _at, (img, _soft) in todo])
    for (k, at, (img, soft)), (text, _conf) in zip(todo, texts):
        frames[k].name = clean_name(text)
        images[k][at] = LineCut((img, False, soft))
        if both and k > 0:
            if k in names and names[k][1] is not None:
                names[k] = (None, None)  # _second_names reads the new cut
        elif both and second[0]:
            j = at - RAPID_LINES.start
            if 0 < j < len(second[0]) and second[0][j - 1] is not None and (
                    nik_with_doubt(second[0][j - 1]) or seventeen(second[0][j - 1])):
                from .rapid import chars_read, read_names as rapid_names
                done = chars_read(soft) if FIRST_CUT else None  # read in _read_sets already
                second[0][j] = done[0] if done is not None else rapid_names([soft])[0][0]


def _drop_split_spaces(frames: list[CardFields], images: list, own: int) -> None:
    """Each name read from a crop's name line loses the spaces that split off a short word where
    that line's image shows no word gap (name_line.drop_split_spaces): the crop's own frame and
    the copy that keeps Tesseract's reading of the sharpest crop's line. Names only."""
    for i, f in enumerate(frames):
        k = i if i < own else (f.crop if f.second_opinion else None)
        if not f.name or k is None or f.nik_line is None or k >= len(images) or f.nik_line + 1 >= len(images[k]):
            continue
        f.name = drop_split_spaces(f.name, images[k][f.nik_line + 1][0])


def _fused_frame(crops: list[np.ndarray]) -> CardFields | None:
    """Tesseract's reading of the NIK line of the crops fused into one (fuse.py: aligned to the
    sharpest and averaged, so the sensor noise of each frame falls away), as one more reading of
    the first recogniser; its NIK only (the printed evidence stays the sharpest crop's)."""
    from .fuse import fuse

    fused, used = fuse(crops[:FUSED_CROPS])
    if used < 2:
        return None  # the crops did not align: no fused view of one card
    lines = card_lines(fused)[RAPID_LINES]
    f = _identify([(text, conf, labelled) for (text, conf), (_img, labelled, _soft)
                   in zip(tesseract.read_lines([img for img, _l, _s in lines]), lines)])
    if not (f.nik or f.nik_options):
        return None
    return CardFields(nik=f.nik, nik_doubt=f.nik_doubt, nik_conf=f.nik_conf, nik_options=f.nik_options,
                      lines=[f.lines[f.nik_line]] if f.nik_line is not None else [])


def nik_line_cuts(crops: list[np.ndarray], at: int, images: list | None = None) -> list[tuple[int, np.ndarray]]:
    """Line `at` of each crop (the NIK line: frames of one steady card show the same lines), cut
    anew from the cleaned card at DIGITS_HEIGHT, as (crop, image). `images`: the crops' lines as
    _read_sets cut them (the sharpest crop's from its top, the others' from OTHER_LINES): their
    rows are taken from there instead of being found again (~17 ms of CPU per crop)."""
    out = []
    for k, crop in enumerate(crops):
        if min(crop.shape[:2]) < 64:
            continue  # no card's text lines in so few pixels (a crop is ~430x270 px and more)
        j = at if k == 0 else at - OTHER_LINES.start
        source = None
        if images is not None and k < len(images):
            source = getattr(images[k][j], "source", None) if 0 <= j < len(images[k]) else False
        if source is False:
            continue  # the crop has no such line
        if source is None:
            rows, plain, lifted = card_rows(crop)
            if at >= len(rows):
                continue
            line, faint = rows[at]
            source = ((lifted if faint else plain)[0], line)
        img, line = source
        out.append((k, line_image(img, line, height=DIGITS_HEIGHT)))
    return out


def _best_frames(crops: list[np.ndarray], at: int, images: list | None = None) -> list[CardFields]:
    """The second model's readings of each crop's NIK line (reader.BEST_CONFIRM): NIK only."""
    cuts, texts = [], []
    if BEST_CUT in ("sheet", "both"):
        cuts = [(k, lines[j][0]) for k, lines in enumerate(images or [])
                for j in [at if k == 0 else at - OTHER_LINES.start] if 0 <= j < len(lines)]
        texts = tesseract.read_lines_best([img for _k, img in cuts]) if cuts else []
    if BEST_CUT in ("digits", "both"):
        more = nik_line_cuts(crops, at, images)
        cuts, texts = cuts + more, texts + [tesseract.read_lines_best([img], DIGITS)[0] for _k, img in more]
    return _nik_readings((k, text, conf) for (k, _img), (text, conf) in zip(cuts, texts))


def _digit_frames(crops: list[np.ndarray], at: int, images: list | None = None) -> list[CardFields]:
    """Tesseract's readings of the NIK line of each crop cut at 48 px and read with digits only,
    further readings of the first recogniser (a NIK only; the printed evidence stays
    the sharpest crop's). Another scale and alphabet than its sheet's reading of the same line."""
    cuts = nik_line_cuts(crops, at, images)
    if not cuts:
        return []
    # Each line in its own call: in a shared sheet the lines sway each other's readings (Run 9).
    return _nik_readings((k, *tesseract.read_lines([img], whitelist=DIGITS)[0]) for k, img in cuts)


def _nik_readings(readings) -> list[CardFields]:
    """(crop, text, confidences) of NIK lines -> a CardFields (NIK only) for each that reads as a
    NIK, or as 17 characters one of which may be dropped."""
    out = []
    for k, text, conf in readings:
        found = nik_with_doubt(text)
        options = () if found else seventeen(text)
        if found or options:
            out.append(CardFields(nik=found[0] if found else None, nik_doubt=found[1] if found else (),
                                  nik_conf=min(conf) if conf else 0.0, nik_options=options, crop=k, lines=[text]))
    return out


def _nik_char_confs(text: str, confs: list[float], nik: str) -> list[float] | None:
    """The confidences of the 16 characters of `text` that read as `nik` (a run of digits and
    look-alike letters, as fields.nik_with_doubt finds it), or None."""
    if len(confs) != len(text):
        return None
    for m in re.finditer(f"[{_DIGITISH}][{_DIGITISH} ]*[{_DIGITISH}]", text):
        at = [m.start() + i for i, ch in enumerate(m.group()) if ch != " "]
        for start in range(len(at) - 15):
            if "".join(text[i] for i in at[start:start + 16]).translate(_DIGIT_FIX) == nik:
                return [confs[i] for i in at[start:start + 16]]
    return None


def _digits_dispute(nik: str, crop: np.ndarray, at: int, line: np.ndarray, done: list[CardFields],
                    lines: list | None = None) -> bool:
    """Tesseract's digits-only reading of the sharpest crop's NIK line (from `done` where
    _digit_frames read it) differs from `nik` at a digit RapidOCR read unsure (vote.disputed)."""
    from .rapid import read_chars

    other = next((f.nik for f in done if f.crop == 0 and not f.second_opinion), None) if done else None
    if other is None:
        cuts = nik_line_cuts([crop], at, [lines] if lines is not None else None)
        if not cuts:
            return False
        found = nik_with_doubt(tesseract.read_lines([cuts[0][1]], whitelist=DIGITS)[0][0])
        other = found[0] if found else None
    if not other or other == nik:
        return False
    text, confs = read_chars([line])[0]  # RapidOCR once more, for its per-character doubt
    return disputed(nik, other, _nik_char_confs(text, confs, nik))


def _rapidocr_alone(nik: str | None, frames: list[CardFields], checks: list[Check]) -> bool:
    """`nik` was filled and no Tesseract reading (of any crop, by any of its cuts) is this NIK."""
    return bool(nik) and not any(not f.second_opinion and nik in (f.nik, c.nik) for f, c in zip(frames, checks))


def _tesseract_disputes(nik: str, frames: list[CardFields], line: np.ndarray, agree: tuple[str, ...]) -> bool:
    """A Tesseract reading of the sharpest crop's NIK line (its sheet, digits-only cut or second
    model, as read already) differs from `nik` at a digit RapidOCR read unsure on that line
    (vote.disputed) and that the checks in `agree` cannot see: the date sees digits 7-12, the
    header's regency digits 1-4."""
    from .rapid import read_chars

    others = {f.nik for f in frames if f.crop == 0 and not f.second_opinion and f.nik and f.nik != nik}
    if not others:
        return False
    text, confs = read_chars([line])[0]
    doubt = _nik_char_confs(text, confs, nik)
    if doubt is None:
        return False
    seen = set(CHECKED_DIGITS["date"] if "date" in agree else ()) | set(CHECKED_DIGITS["region"] if "region" in agree else ())
    doubt = [1.0 if i in seen else c for i, c in enumerate(doubt)]
    return any(disputed(nik, other, doubt) for other in others)


def _last_digit_unsure(nik: str, line: int | None, lines: list) -> bool:
    """RapidOCR doubted the last digit of `nik` on the sharpest crop's NIK line (last_digit.py),
    from the scores of the reading it already made of that line (none made: no doubt known)."""
    from .last_digit import last_digit_unsure
    from .rapid import chars_read

    if line is None or not 0 <= line < len(lines):
        return False
    got = chars_read(lines[line][0])
    return got is not None and last_digit_unsure(nik, *got)


def _sheet_marks_last(nik: str, own: list[CardFields]) -> bool:
    """Tesseract's sheet of some crop (`own`: one frame per crop; not its later readings of the
    NIK line alone) read `nik`'s first 15 digits and a mark where the last digit is
    (last_digit.sheet_marks_last)."""
    from .last_digit import sheet_marks_last

    return any(sheet_marks_last(nik, f.lines[f.nik_line]) for f in own
               if not f.second_opinion and f.nik_line is not None and 0 <= f.nik_line < len(f.lines))


def _with_birth_line(frames: list[CardFields], checks: list[Check], lines: list, at: int,
                     regions: Mapping[str, str] | None, today: dt.date | None, voted: tuple):
    """The frames and checks with the date RapidOCR read on the sharpest crop's birth line, and
    the vote on them; all as they were where it read none."""
    from .birth_line import birth_line_at, read_birth, with_birth
    from .rapid import read_names

    j = birth_line_at(at, len(lines))
    # The gentle cut at RapidOCR's input height, read by the newer model that reads the name rows
    # (dev: right dates on 46 of 136 such lines, the older model on the clean cut 9).
    birth = read_birth(lines[j][2], read_names) if j is not None else None
    if birth is None:
        return (frames, checks, *voted)
    frames = with_birth(frames, birth)
    checks = [check_nik(f, regions, today) for f in frames]
    return (frames, checks, *vote(frames, checks, regions, today))


def _read_alike(frames: list[CardFields]) -> str | None:
    """The NIK RapidOCR read on the sharpest crop where Tesseract read it too (on any crop, in any
    of its readings of the NIK line: its sheet, the fused crops, the digits-only cut, its second
    model), or None."""
    rapid = {f.nik for f in frames if f.second_opinion and f.crop == 0 and f.nik}
    if len(rapid) == 1 and any(not f.second_opinion and f.nik in rapid for f in frames):
        return rapid.pop()
    return None


def _outvoting_birth(frames: list[CardFields], checks: list[Check], lines: list, at: int, own: list[CardFields],
                     regions: Mapping[str, str] | None, today: dt.date | None, voted: tuple):
    """The frames, checks and vote with RapidOCR's reading of the sharpest crop's birth line in
    place of every date Tesseract read, where it agrees with the NIK both recognisers read alike
    and Tesseract's dates do not; all as they were otherwise."""
    from .birth_line import birth_line_at, outvoted, read_birth
    from .rapid import read_names

    nik = _read_alike(frames)
    j = birth_line_at(at, len(lines))
    if nik is None or j is None:
        return (frames, checks, *voted)
    printed = merge_fields(own)
    birth = read_birth(lines[j][2], read_names)
    changed = outvoted(frames, nik, printed, birth)
    if changed is None:
        return (frames, checks, *voted)
    checks = [check_nik(f, regions, today) for f in changed]
    return (changed, checks, *vote(changed, checks, regions, today))


def _crop_dates(images: list, at: int) -> list[tuple[int, int, int] | None]:
    """The date RapidOCR reads on each crop's birth line (birth_line.date_of_row), None where it
    reads none; `at`: the sharpest crop's NIK line."""
    from .birth_line import birth_line_at, date_of_row
    from .rapid import read_names

    dates = []
    for k, lines in enumerate(images):
        # The later crops' lines start at OTHER_LINES.start: their birth line lies one line higher.
        j = birth_line_at(at - (OTHER_LINES.start if k else 0), len(lines))
        dates.append(date_of_row(lines[j], read_names, NAME_HEIGHT) if j is not None else None)
    return dates


def _birth_doubted(nik: str, line: int | None, images: list) -> bool:
    """RapidOCR doubted a birth-date digit of `nik` in its reading of the sharpest crop's NIK line
    (`line`; none made: no doubt known; date_doubt.birth_digit_doubted)."""
    from .date_doubt import birth_digit_doubted
    from .rapid import chars_read

    if line is None or not 0 <= line < len(images[0]):
        return False
    got = chars_read(images[0][line][0])
    return got is not None and birth_digit_doubted(_nik_char_confs(got[0], got[1], nik))


def _birth_doubt_unresolved(nik: str, line: int | None, images: list, own: list[CardFields]) -> bool:
    """RapidOCR doubted a birth-date digit of `nik` (_birth_doubted), and the dates it reads on the
    crops' birth lines do not confirm `nik`, nor (TESSERACT_BIRTH) Tesseract's reading of the sharpest
    crop's birth line (date_doubt.py)."""
    from .birth_line import birth_line_at, tesseract_date_of_row
    from .date_doubt import dates_confirm

    if not _birth_doubted(nik, line, images):
        return False
    printed = merge_fields(own)
    if dates_confirm(nik, printed, _crop_dates(images, line)):
        return False
    j = birth_line_at(line, len(images[0])) if TESSERACT_BIRTH else None
    # The other recogniser on the same line (fresh dev 5151, card 41: RapidOCR's 1960 for 1980 on
    # both lines, Tesseract's 1980 at 48 px): a date it reads that agrees keeps the fill.
    return j is None or not dates_confirm(nik, printed, [tesseract_date_of_row(images[0][j])])


def _birth_of_crops(frames: list[CardFields], checks: list[Check], images: list, at: int, own: list[CardFields],
                    regions: Mapping[str, str] | None, today: dt.date | None, voted: tuple, later: dict | None = None):
    """The frames, checks and vote with the date RapidOCR reads on the birth lines of all the
    crops (birth_line.crop_dates) as every crop's printed date; all as they were where it read
    no date alike, or the date Tesseract read."""
    from .birth_line import crop_dates

    printed = merge_fields(own)
    dates = _crop_dates(images, at)
    birth = crop_dates(dates, BIRTH_CROPS_LEAST[0 if printed.birth is None else 1])
    if birth is None:
        return (frames, checks, *voted)
    # The date RapidOCR read on the crops' birth lines is the other recogniser's evidence: a
    # reading of the NIK line it rejects does not veto a NIK it confirms (vote's overrule).
    if birth == printed.birth:
        # The date Tesseract read too: the vote again, with that overrule only.
        changed = frames
        nik, name, check = vote(changed, checks, regions, today, overrule=REJECTED_NO_VETO)
        alike = None
    else:
        changed = [replace(f, birth=birth) if f.birth is not None or f.crop == 0 else f for f in frames]
        checks = [check_nik(f, regions, today) for f in changed]
        nik, name, check = vote(changed, checks, regions, today, overrule=REJECTED_NO_VETO)
        alike = _read_alike(changed) if nik is None and BIRTH_CROPS_ALIKE else None
    if alike is not None:
        # Both recognisers read this NIK, and the header and the date read alike on the crops'
        # birth lines agree with it: where every other reading is one the card contradicts, those
        # misreadings do not outvote it (dev: "9922" for the region code "3322" read 4 times).
        mine = [c for f, c in zip(changed, checks) if (c.nik or f.nik) == alike]
        others = [c for f, c in zip(changed, checks) if (f.nik or f.nik_options) and (c.nik or f.nik) != alike]
        confirmed = [c for c in mine if c.status == "accepted" and set(c.agree) == {"date", "region"}]
        if (confirmed and all(c.status != "rejected" for c in mine)
                and all(c.status == "rejected" for c in others)):
            nik, check = alike, confirmed[0]
    lone = lone_reading(changed, checks) if nik is None and alike is None else None
    if lone is not None and confirmed_on_crops(lone[0], own, dates, birth, regions):
        # Only RapidOCR read a NIK, and the date and header read on two crops each confirm it
        # (lone_reading.py): the later crops' RapidOCR readings of the NIK line may still object.
        extra = _veto_readings(own, later) if later else []
        if not any(f.nik and f.nik != lone[0] for f in extra):
            nik, check = lone
        changed, checks = changed + extra, checks + [check_nik(f, regions, today) for f in extra]
    return (changed, checks, nik, name, check)


def _gentle_nik_row(own: CardFields, second: list[list], at: int | None, lines: list) -> int | None:
    """The sharpest crop's row to read again as the NIK: RapidOCR's NIK line, else the one
    Tesseract placed, else the first row RapidOCR read RAPID_LINES in with GENTLE_NIK_DIGITS or
    more digits (a NIK row a glare band cut short: "NIK:12160")."""
    if at is not None:
        return at
    if own.nik_line is not None:
        return own.nik_line
    for j, text in enumerate(second[0] if second else []):
        if isinstance(text, str) and len(re.findall(r"[0-9]", text)) >= GENTLE_NIK_DIGITS:
            return RAPID_LINES.start + j
    return None


def _gentle_nik_frame(own: CardFields, frames: list[CardFields], second: list[list], at: int | None,
                      lines: list) -> CardFields | None:
    """RapidOCR's reading of the sharpest crop's NIK row cut anew from the gentle grey at its
    input height and widened to the text columns' end (GENTLE_NIK), as a second-opinion frame; None
    where it reads no NIK or one RapidOCR already read on that crop (no second vote of one reader)."""
    from .rapid import read_lines as rapid_lines

    j = _gentle_nik_row(own, second, at, lines)
    if j is None or j >= len(lines) or getattr(lines[j], "source", None) is None:
        return None
    _img, line = lines[j].source
    gentle = lines[j].gentle
    wide = replace(line, x1=max(line.x1, int(gentle.shape[1] * lines_mod.TEXT_SPAN)))
    text = rapid_lines([line_image(gentle, wide, height=NAME_HEIGHT)])[0][0]
    found = nik_with_doubt(text)
    options = () if found else seventeen(text)
    if not (found or options):
        return None
    nik = found[0] if found else None
    if any(f.second_opinion and f.crop == 0 and ((nik and f.nik == nik) or (options and f.nik_options == options))
           for f in frames):
        return None
    return replace(own, nik=nik, nik_doubt=found[1] if found else (), nik_options=options, nik_conf=90.0,
                   second_opinion=True, lines=[text], name=None, crop=0)


def _rapid_nik_line(second: list[list]) -> int | None:
    """Index (among the sharpest crop's lines) of the line RapidOCR read as the NIK, if any."""
    for j, text in enumerate(second[0] if second else []):
        if isinstance(text, str) and (nik_with_doubt(text) or seventeen(text)):
            return RAPID_LINES.start + j
    return None


def _identify(lines: list[tuple[str, list[float], bool]]) -> CardFields:
    return identify([t for t, _c, _l in lines], [c for _t, c, _l in lines], [lab for _t, _c, lab in lines])


def available_engines() -> list[str]:
    from .rapid import rapidocr_available

    found = ["tesseract"] if tesseract.tesseract_path() else []
    if rapidocr_available():
        found = (["both"] if found else []) + found + ["rapidocr"]
    return found


def read_cards(crops: list[np.ndarray], engine: str | None = None, regions: Mapping[str, str] | None = None, *,
               try_rotated: bool = True, today: dt.date | None = None) -> CardReading:
    """Read crops of one card (sharpest first is best; 1-5 of them) and vote."""
    from .rapid import names_log

    with names_log() as readings, (capture_memo() if READ_ONCE else nullcontext()):
        reading = _read_cards(crops, engine, regions, try_rotated=try_rotated, today=today)
    if reading.engine in ("both", "rapidocr") and reading.name:
        # Engine "rapidocr" reads every line with its text model: no names-model reading to seek.
        reading.name = judged_name(reading.name, readings, rows_read=reading.engine == "both",
                                   lines=reading.frames[0].lines if reading.frames else ())
        unsettled = getattr(_UNSETTLED, "letters", None)
        if reading.name and unsettled is not None and name_sure.letters(reading.name) != unsettled:
            # The later crops were read only to confirm the letters the name was settling on
            # (SETTLE_SURE): a name they voted otherwise is no such confirmation.
            reading.name = None
        if not reading.name:
            reading.read_from_card = [f for f in reading.read_from_card if f != "name"]
    # A title's full stop and a Balinese name's spaces, which both recognisers misread alike
    # (name_titles.py); the letters the rules above judged do not change.
    reading.name = name_titles.as_printed(reading.name)
    return reading


def judged_name(name: str, readings: list[tuple[str, list[float] | None]], *, rows_read: bool = True,
                lines: Sequence[str] = ()) -> str | None:
    """The voted `name` after the names model's rules, from `readings` (every reading the names
    model made in the capture, with its letter scores): the model's sure reading in its place
    (NAME_MODEL_LETTERS, NAME_MODEL_SURE), then left to the visitor where the model read no row
    like it (NAME_UNSEEN_EMPTY; only where the names model reads the name rows, `rows_read`),
    doubted a letter of it (NAME_SURE), or half doubted a letter that Tesseract's reading of the
    row among the sharpest crop's `lines` reads otherwise (name_dispute.py)."""
    if NAME_MODEL_LETTERS or NAME_MODEL_SURE:
        # The names model read the row alike wherever it read it, doubting no letter: its reading
        # is the name (name_sure.model_name), with the vote's word spaces where it read none.
        name = name_sure.model_name(name, readings, vote_spaces=NAME_MODEL_LETTERS)
    if NAME_UNSEEN_EMPTY and rows_read and not name_sure.seen_by_model(name, readings):
        return None  # the names model read no row like it: nothing judged the name
    if NAME_SURE and not name_sure.sure(name, readings):
        # The names model doubted a letter of its reading most like the voted name: a garbled
        # name is left to the visitor (name_sure.py).
        return None
    if name_dispute.disputed(name, readings, list(lines)):
        return None  # a letter the model half doubted, read otherwise by Tesseract (name_dispute.py)
    return name


def _read_cards(crops: list[np.ndarray], engine: str | None, regions: Mapping[str, str] | None, *,
                try_rotated: bool, today: dt.date | None) -> CardReading:
    t0 = time.perf_counter()
    engines = [engine] if engine else available_engines()
    if not engines:
        raise RuntimeError("no OCR engine: install tesseract-ocr or rapidocr-onnxruntime")
    engine = engines[0]
    both = engine == "both"
    sets, images, second, names, later = _read_sets(crops, engine)
    frames = [_identify(lines) for lines in sets]
    rotated, turned_lines = False, []
    if try_rotated and not any(f.nik or f.nik_options or f.province for f in frames):
        # No NIK line and no header anywhere: the card may lie upside down (orientation cues fooled).
        turned = [cv2.rotate(c, cv2.ROTATE_180) for c in crops]
        unsettled = getattr(_UNSETTLED, "letters", None)  # the upright read's, kept if it stands
        turned_sets, turned_images, turned_second, turned_names, turned_later = _read_sets(turned, engine)
        turned_frames = [_identify(lines) for lines in turned_sets]
        if any(f.nik or f.nik_options for f in turned_frames):
            frames, images, second, names, later, rotated = (turned_frames, turned_images, turned_second, turned_names,
                                                             turned_later, True)
        else:
            turned_lines = [f.lines for f in turned_frames]
            _UNSETTLED.letters = unsettled
    own = frames
    if RECUT_NAMES and engine in ("tesseract", "both"):
        _recut_names(frames, images, second, names, both)
    if both:
        if NAME_ROW_ALONE and second[0]:
            name_alone.read_name_row(frames[0], images[0], second[0])
        _second_names(frames, images, names)
        frames = frames + _second_opinions(frames, second)
    if SPLIT_SPACES and engine in ("tesseract", "both"):
        _drop_split_spaces(frames, images, len(own))
    checks = [check_nik(f, regions, today) for f in frames]
    nik, name, check = vote(frames, checks, regions, today)
    at = _rapid_nik_line(second) if both else None
    cards = [cv2.rotate(c, cv2.ROTATE_180) for c in crops] if rotated else crops
    if (both and FUSED_CONFIRM and nik is None and len(crops) >= 2
            and any(f.second_opinion and f.crop == 0 and (f.nik or f.nik_options) for f in frames)):
        # RapidOCR read a NIK that Tesseract's readings of the single crops did not confirm
        # (dev: the commonest reason a right NIK stayed unfilled): Tesseract reads it once more
        # on the fused crops, an image with less noise than any one of them.
        extra = _fused_frame(cards)
        if extra is not None:
            frames, checks = frames + [extra], checks + [check_nik(extra, regions, today)]
            nik, name, check = vote(frames, checks, regions, today)
    digit_frames: list[CardFields] = []
    if (both and DIGITS_CONFIRM and nik is None and at is not None
            and any(f.second_opinion and f.crop == 0 and c.status != "rejected" for f, c in zip(frames, checks))):
        # RapidOCR read a NIK that the card does not contradict and that neither Tesseract's
        # sheet nor the fused crops confirmed: Tesseract reads that line of every crop once more,
        # at another scale and with digits only. (Run after the fusion: its wrong readings would
        # outvote the fused one's right reading on dev. A printed date or header contradicting
        # RapidOCR's NIK is not outvoted by more readings of the NIK line.)
        extra = digit_frames = _digit_frames(cards, at, images)
        if extra:
            frames, checks = frames + extra, checks + [check_nik(f, regions, today) for f in extra]
            nik, name, check = vote(frames, checks, regions, today)
    if (both and BEST_CONFIRM and nik is None and at is not None and tesseract.best_model()
            and any(f.second_opinion and f.crop == 0 and c.status != "rejected" for f, c in zip(frames, checks))):
        # The same case after the digits-only readings: the second model reads the NIK lines.
        try:
            extra = _best_frames(cards, at, images)
        except (RuntimeError, OSError, subprocess.SubprocessError):
            extra = []  # a model file its reader cannot load: the capture goes on without it
        if extra:
            frames, checks = frames + extra, checks + [check_nik(f, regions, today) for f in extra]
            nik, name, check = vote(frames, checks, regions, today)
    if (both and BIRTH_READ and nik is None and at is not None
            and not any(f.birth for f in own)
            and any(f.second_opinion and f.crop == 0 and c.status != "rejected" for f, c in zip(frames, checks))):
        # No crop's date read (the commonest reason a NIK read right stays unfilled): RapidOCR
        # reads the sharpest crop's birth line (birth_line.py) and the vote runs again with it.
        frames, checks, nik, name, check = _with_birth_line(frames, checks, images[0], at, regions, today,
                                                            (nik, name, check))
    if (both and BIRTH_OUTVOTE and nik is None and at is not None and any(f.birth for f in own)
            and _read_alike(frames)):
        # A date misread in the small print against a NIK both recognisers read alike (dev: 14 of
        # 103 empty votes were refused by a misread date, 9 of them with both reading the NIK):
        # RapidOCR reads the birth line; only a date that agrees with that NIK replaces Tesseract's.
        frames, checks, nik, name, check = _outvoting_birth(frames, checks, images[0], at, own, regions, today,
                                                            (nik, name, check))
    if (both and BIRTH_CROPS and nik is None and at is not None
            and any(f.nik or f.nik_options for f in frames)):
        _STEPS.append("birth_crops")  # measurements: the step ran (nothing filled before it)
        frames, checks, nik, name, check = _birth_of_crops(frames, checks, images, at, own, regions, today,
                                                           (nik, name, check), later)
    if (both and GENTLE_NIK and nik is None
            and not any(f.second_opinion and f.crop == 0 and f.nik and c.status != "rejected"
                        for f, c in zip(frames, checks))):
        # RapidOCR's clean cut of the sharpest crop gave no NIK the card does not contradict (a
        # reading it gave competes with the new one: dev, a soft card's right reading outvoted).
        extra = _gentle_nik_frame(own[0], frames, second, at, images[0])
        if extra is not None:
            frames, checks = frames + [extra], checks + [check_nik(extra, regions, today)]
            nik, name, check = vote(frames, checks, regions, today)
    if both and later and later_crops_may_veto(nik, check):
        # Only now the later crops' NIK lines: on most captures the printed date confirmed the
        # NIK or nothing was filled, and their readings could not change the outcome.
        extra = _veto_readings(own, later)
        frames, checks = frames + extra, checks + [check_nik(f, regions, today) for f in extra]
        nik, name, check = vote(frames, checks, regions, today)
    if (both and DIGITS_VETO and at is not None and later_crops_may_veto(nik, check)
            and _digits_dispute(nik, cards[0], at, images[0][at][0], digit_frames, images[0])):
        # Filled on the two recognisers' agreement on the sharpest crop, the printed date unread:
        # a digit RapidOCR doubted and Tesseract's digits-only reading disputes leaves the NIK to
        # the visitor (on a single frame no later crop can object: vote._later_crops_object).
        nik = None
    if (both and ALONE_VETO and at is not None and _rapidocr_alone(nik, frames, checks)
            and _tesseract_disputes(nik, frames, images[0][at][0], check.agree)):
        # Filled on RapidOCR's reading alone: the same veto, against the Tesseract readings of
        # the sharpest crop's NIK line, at the digits the printed date and header cannot see.
        nik = None
    if (both and LONE_LATER_VETO and later and nik and not later_crops_may_veto(nik, check)
            and _rapidocr_alone(nik, frames, checks)
            and later_crops_read_otherwise(nik, _veto_readings(own, later), check.agree)):
        # Filled on RapidOCR's one crop, the date agreeing (a fill without it had the later crops
        # read above): the digits the card does not check are asked of the later crops too.
        nik = None
    if both and LAST_DIGIT_VETO and nik and _last_digit_unsure(nik, at if at is not None else own[0].nik_line, images[0]):
        nik = None
    if both and SHEET_MARK_VETO and nik and _sheet_marks_last(nik, own):
        nik = None
    if (both and LETTER_LAST_VETO and nik
            and letter_only_last(nik, [(f.nik, f.nik_doubt) for f in frames if not f.second_opinion])):
        nik = None
    nik_line = at if at is not None else own[0].nik_line  # the sharpest crop's, where RapidOCR's scores are
    if (both and DATE_DOUBT_VETO and nik and "date" not in check.agree
            and _birth_doubt_unresolved(nik, nik_line, images, own)):
        nik = None
    if (both and OWN_DATE_VETO and nik and "date" in check.agree
            and settles_nothing(nik, tesseract_niks(frames), merge_fields(own))
            and _birth_doubted(nik, nik_line, images)):
        # The date that confirms RapidOCR's NIK is its own reading, Tesseract read another date
        # digit and RapidOCR doubted one of them (own_date.py).
        nik = None
    if both and MENDED_VETO and mended_against_reading(nik, frames):
        # The date supplied a digit of the NIK that a reading of the NIK line read otherwise.
        nik = None
    fields = [k for k, v in (("nik", nik), ("name", name)) if v]
    return CardReading(nik, name, check.status, fields, frames, checks, engine, rotated,
                       (time.perf_counter() - t0) * 1000, len(crops), turned_lines)


def read_card(crop: np.ndarray, engine: str | None = None, regions: Mapping[str, str] | None = None, *,
              try_rotated: bool = True) -> CardReading:
    return read_cards([crop], engine, regions, try_rotated=try_rotated)
