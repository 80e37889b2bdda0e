"""The name row cut once more at the card's value column, and read in a call of its own.

A row's value starts after the widest gap in its left half (lines._after_colon). That fails on
the name row more than on any other: its label ("Nama") is the shortest, so a short name starts
beyond half of its row, and a speck left of the label makes a wider gap than the label's own
(dev run 9: the label left in the name's image in 5 of 48 wrong names: "NEEM PIUABUS ABDUL").
Every KTP field's value starts in one column, and the rows below the name (birth, sex, address)
have long labels whose gap is found reliably: where they agree on a column and the name row's own
cut disagrees with it, the name row is cut at the column.

The re-cut is not put into the Tesseract sheet of the other lines: in that one call each line's
image sways the others' readings (run 9: cutting the birth and sex rows anew moved NIK fills).
It is read in a call of its own (reader._recut_names), so the NIK's readings cannot move.
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from .lines import INK_LEVEL, TextLine, ink_mask, line_image

COLUMN_ROWS = 3  # rows below the name whose value starts give the column
COLUMN_AGREE = 12  # px at 856 px card width: two rows' value starts this close agree on the column
COLUMN_SPAN = (0.2, 0.42)  # share of the card width where the value column lies (dev: 0.23-0.34)
COLUMN_MIN = 1  # rows that must agree on it
COLUMN_TOL = 0.025  # share of the card width: a value start this close to the column is on it


class LineCut(tuple):
    """One line as reader.card_lines gives it: (Tesseract's image, still showing its label,
    RapidOCR's image); `name_cut`: the same pair cut at the value column when this row's own
    label gap disagrees with it (read only when the row turns out to be the name)."""

    name_cut: tuple[np.ndarray, np.ndarray] | None = None
    wide: np.ndarray | None = None  # RapidOCR's image of it reaching letters a glare band washed out
    clear: np.ndarray | None = None  # RapidOCR's image of it begun on paper, not inside a pale first letter


def name_image(cut: LineCut) -> np.ndarray:
    """RapidOCR's image of a line read as the name: its wide cut (washed_end) where it has one, else
    its cut begun on paper (clear_start) where that moved."""
    wide = getattr(cut, "wide", None)
    if wide is not None:
        return wide
    clear = getattr(cut, "clear", None)
    return clear if clear is not None else cut[2]


def value_column(rows: list[TextLine], at: int, width: int) -> int | None:
    """The x where the values of the rows below row `at` start, when at least two of the next
    COLUMN_ROWS rows agree on it (a row without a found gap says nothing)."""
    # Only starts where a value column can lie: a gap inside a two-word label ("Jenis Kelamin")
    # lies left of it, one inside a long value right of it.
    lo, hi = COLUMN_SPAN[0] * width, COLUMN_SPAN[1] * width
    starts = sorted(r.value_x0 for r in rows[at + 1:at + 1 + COLUMN_ROWS]
                    if r.value_x0 is not None and lo <= r.value_x0 <= hi)
    agree = COLUMN_AGREE * width / 856
    best: list[int] = []
    for s in starts:
        near = [t for t in starts if abs(t - s) <= agree]
        if len(near) > len(best):
            best = near
    if len(best) < COLUMN_MIN:
        return None
    return int(np.median(best))


def start_at_column(band: np.ndarray, line: TextLine, column: int, width: int) -> int | None:
    """Where this row's value starts at the column: the first word (ink with a gap before it)
    that begins no further left than COLUMN_TOL of the column, with ink of a label left of it.
    None when the row has no label left of the column or nothing on it."""
    tol = COLUMN_TOL * width
    cols = band[:, line.x0:line.x1].sum(axis=0) > 0
    xs = np.flatnonzero(cols) + line.x0
    if xs.size == 0 or xs[0] >= column - tol:
        return None  # nothing left of the column: no label to cut off
    gap = max(3, band.shape[0] // 3)  # as lines._after_colon: narrower gaps are inside a word
    for prev, x in zip(xs[:-1], xs[1:]):
        if x - prev > gap and x >= column - tol:
            return int(x) if x <= column + tol else None
    return None


def name_cut(row: TextLine, rows: list[TextLine], at: int, images: tuple[np.ndarray, np.ndarray],
             soft_height: int, soft_end: int | None = None) -> tuple[np.ndarray, np.ndarray] | None:
    """Row `at` cut at the value column of the rows below it, (Tesseract's image, RapidOCR's,
    which reaches `soft_end` where given: washed_end), when its own cut (`value_x0`, or none) lies
    elsewhere; else None."""
    clean, gentle = images
    width = clean.shape[1]
    column = value_column(rows, at, width)
    if column is None:
        return None
    if row.value_x0 is not None and abs(row.value_x0 - column) <= COLUMN_TOL * width:
        return None  # its own cut is on the column already
    band = ink_mask(clean[max(0, row.y0 - 3):row.y1 + 3])
    x0 = start_at_column(band, row, column, width)
    if x0 is None or x0 == row.value_x0:
        return None
    cut = replace(row, value_x0=x0)
    soft = replace(cut, x1=max(cut.x1, soft_end)) if soft_end else cut
    # The names model's image begins on paper, not inside a pale first letter (clear_start).
    soft = replace(soft, value_x0=clear_start(gentle, soft, x0))
    return line_image(clean, cut), line_image(gentle, soft, height=soft_height)


# A laminate glare band over the right part of the name row turns its letters pale grey on the
# clean image, and the row's extent stops where the band begins (lines._extent): "ANDI LATUC" for
# ANDI LATUCONSINA NUR-HAYATI, "YOHANES HAN" (stranger dev). On the gentle grey those letters are
# still darker than the paper: columns after the row's end whose darkest pixel lies under
# WASHED_INK, where the row's paper (the gentle grey maps the background to white) reaches ~230
# and more. RapidOCR's image of the row is then cut to the last of them (reader.card_lines), at
# most WASHED_RIGHT of the card's width: the photo box's frame (from 0.71 of the width on both
# generators' cards) would be read as an I after the name. False: measurements.
WASHED = True
WASHED_INK = 200  # grey level (gentle image, paper ~230-255): darker is ink
WASHED_GAP = 2.0  # row heights: ink columns further apart than this are not one name
WASHED_LEAST = 0.5  # row heights of ink columns: fewer is a speck or a thin frame, not letters
WASHED_RIGHT = 0.70  # share of the card's width


def washed_end(gentle: np.ndarray, row: TextLine) -> int | None:
    """The x where row's letters end on the gentle grey when they run on past the row's own end
    (a glare band washed them out on the clean image), else None."""
    if not WASHED:
        return None
    h = row.y1 - row.y0
    right = int(gentle.shape[1] * WASHED_RIGHT)
    if h <= 0 or row.x1 + 2 >= right:
        return None
    band = gentle[max(0, row.y0 - 2):row.y1 + 2, row.x1 + 2:right]
    ink = np.flatnonzero(band.min(axis=0) < WASHED_INK)
    end, count = 0, 0
    for c in ink:
        if c - end > WASHED_GAP * h:
            break
        end, count = int(c), count + 1
    if count < WASHED_LEAST * h:
        return None
    return row.x1 + 2 + end + 1


# The same band over the START of the name: its first letters go pale on the clean image, the
# label's widest gap (lines._after_colon) is then the one before the first letters left dark, and
# the value is cut there ("NO WIBOWO HADIKUSUMO" for SUTRISNO WIBOWO HADIKUSUMO; held-out, run 17b:
# NILAHO read "AHO"). The rows below agree on where the values start (value_column); where the
# name row's value starts well right of that column and the gentle grey holds ink columns between
# the two, joined to the value's first letters, RapidOCR's image of the row starts at the first of
# them. False: measurements.
WASHED_START = True
WASHED_DROP = 35  # grey levels under the band's paper: ink


def washed_start(gentle: np.ndarray, row: TextLine, rows: list[TextLine], at: int) -> int | None:
    """The x where row's value starts on the gentle grey when letters a glare band washed out
    on the clean image lie between the value column (of the rows below) and the row's own value
    start, else None."""
    if not WASHED_START:
        return None
    width = gentle.shape[1]
    column = value_column(rows, at, width)
    if column is None and at > 0:
        # The band washed the rows below too (their colons and labels' ends): the value start
        # of the row above (the NIK's) stands in for the column.
        above = rows[at - 1].value_x0
        column = above if above is not None and COLUMN_SPAN[0] * width <= above <= COLUMN_SPAN[1] * width else None
    start = row.value_x0 if row.value_x0 is not None else row.x0
    h = row.y1 - row.y0
    if column is None or h <= 0 or start <= column + COLUMN_TOL * width:
        return None
    lo = max(0, int(column - COLUMN_TOL * width))
    band = gentle[max(0, row.y0 - 2):row.y1 + 2, lo:start]
    if band.size == 0:
        return None
    # Under the band's brightest part the paper reaches 254 and a thin letter (the I of INDAH)
    # stays at 205-216: ink is WASHED_DROP under the band's own paper, or under WASHED_INK.
    paper = float(np.percentile(band, 90))
    ink = np.flatnonzero(band.min(axis=0) < max(WASHED_INK, paper - WASHED_DROP))
    # From the value's first letter leftwards: ink columns no further apart than WASHED_GAP.
    first, count = start - lo, 0
    for c in ink[::-1]:
        if first - c > WASHED_GAP * h:
            break
        first, count = int(c), count + 1
    if count < WASHED_LEAST * h:
        return None
    return lo + first


# Tesseract puts a space inside a word where two letters stand a little apart (JE BONG, WE NER,
# KOGOSOMU T: dev run 10, 9 of 130 wrong voted names only a space off). Where the line image shows
# no gap near such a space's place, as wide as a word space, the space is dropped.
_WIDTH = {"I": 0.4, "J": 0.75, "M": 1.25, "W": 1.35, "'": 0.35, "-": 0.55, ".": 0.35, ",": 0.35, " ": 0.45}
SPACE_GAP = 0.16  # share of the line image's height: a gap narrower than this is between letters
SHORT_WORD = 2  # only a space that splits off a word this short is checked


def _full_height(part: np.ndarray, band: int) -> bool:
    """Inked from the letters' top to their bottom without a break (a thin letter, not a colon)."""
    rows = np.flatnonzero((part < INK_LEVEL).any(axis=1))
    return rows.size > 0 and rows.size >= 0.85 * band and rows.size >= 0.9 * (rows[-1] + 1 - rows[0])


def _segments(img: np.ndarray) -> list[tuple[int, int]]:
    """Runs of inked columns of a line image, without a leading colon or speck."""
    h = img.shape[0]
    ink = np.append((img < INK_LEVEL).sum(axis=0) > 0, False)
    segs, start = [], None
    for x, on in enumerate(ink):
        if on and start is None:
            start = x
        elif not on and start is not None:
            segs.append((start, x))
            start = None
    # A colon is two dots: most of its height is blank. A thin letter (I) is inked from top to
    # bottom and stays.
    letters = np.flatnonzero((img < INK_LEVEL).sum(axis=1) > 0.02 * img.shape[1])
    band = int(letters[-1] + 1 - letters[0]) if letters.size else h
    while segs and segs[0][1] - segs[0][0] < 0.25 * h and not _full_height(img[:, segs[0][0]:segs[0][1]], band):
        segs = segs[1:]
    while segs and segs[-1][1] - segs[-1][0] < 0.15 * h:
        segs = segs[:-1]
    return segs


def space_gaps(name: str, img: np.ndarray) -> list[int | None]:
    """For each space of `name`, the widest gap (px) of the line image near where that space
    lies (its share of the name's width, letters weighted by their usual width); None where the
    image gives no measure."""
    segs = _segments(img)
    if len(segs) < 2:
        return [None] * name.count(" ")
    x0, x1 = segs[0][0], segs[-1][1]
    widths = [_WIDTH.get(ch, 1.0) for ch in name]
    total = sum(widths)
    unit = (x1 - x0) / total  # px per average letter
    out, at = [], 0.0
    gaps = [(a[1], b[0]) for a, b in zip(segs, segs[1:])]
    for ch, w in zip(name, widths):
        if ch == " ":
            x = x0 + (at + w / 2) * unit
            near = [g1 - g0 for g0, g1 in gaps if abs((g0 + g1) / 2 - x) <= 0.9 * unit]
            out.append(max(near) if near else 0)
        at += w
    return out


def drop_split_spaces(name: str | None, img: np.ndarray | None) -> str | None:
    """`name` without the spaces that split off a short word (SHORT_WORD letters or fewer)
    where the image shows no word gap."""
    if not name or img is None or " " not in name:
        return name
    words = name.split(" ")
    gaps = space_gaps(name, img)
    limit = SPACE_GAP * img.shape[0]
    out = words[0]
    for k, word in enumerate(words[1:]):
        short = min(len(words[k]), len(word)) <= SHORT_WORD
        gap = gaps[k] if k < len(gaps) else None
        out += ("" if short and gap is not None and gap < limit else " ") + word
    return out


# The names model's image of the name row begins MARGIN px before the first column the cleaned
# card calls ink (lines.line_image). A worn or soft card's first letter can be paler than the
# letters after it: the cleaned card's ink then begins at the second letter, the margin ends inside
# the first one, and the model, shown half a T or a J, reads "ARAYEN GUSE" for TARAYEN GUSE sure of
# every letter (stranger4 dev: three such names, all filled wrong). On the gentle grey the half
# letter is still darker than the paper up to the gap before it: the image's edge is moved into
# that gap, walking left over ink columns only (a gap stops it, so the colon before the name stays
# out), at most CLEAR_WALK row heights. False: measurements.
CLEAR_START = True
MARGIN = 8  # px: lines.line_image's margin before a line's start
CLEAR_WALK = 1.5  # row heights: ink further than this without a gap is not one letter
# Grey level (gentle image) a cut letter's stroke reaches: stranger4 dev's three cut first letters
# 132-154; a column just under the ink level (~205) beside the edge is a fringe, not a stroke.
CLEAR_DARK = 180


def clear_start(gentle: np.ndarray, line: TextLine, start: int) -> int:
    """The start to cut `line` at on the gentle grey so that the image's left edge (MARGIN px
    before it) lies on paper: `start` where it does already, or where no gap lies within
    CLEAR_WALK row heights; else the gap's column + MARGIN."""
    edge = start - MARGIN
    h = line.y1 - line.y0
    if not CLEAR_START or h <= 0 or edge <= 0:
        return start
    lo = max(0, int(edge - CLEAR_WALK * h) - 1)
    band = gentle[max(0, line.y0 - 2):line.y1 + 2, lo:edge + 1]
    if band.size == 0:
        return start
    # Ink as on the rows a glare band washed (washed_start): under WASHED_INK or WASHED_DROP under
    # the row's own paper.
    paper = float(np.percentile(gentle[max(0, line.y0 - 2):line.y1 + 2, lo:start], 90))
    ink = band.min(axis=0) < max(WASHED_INK, paper - WASHED_DROP)
    if not ink[-1]:
        return start  # the edge is on paper
    gaps = np.flatnonzero(~ink)
    if gaps.size == 0:
        return start  # no gap within reach: not one letter
    if band[:, gaps[-1] + 1:].min() >= CLEAR_DARK:
        return start  # only a letter's soft fringe or the print's background: no letter cut
    return lo + int(gaps[-1]) + MARGIN
