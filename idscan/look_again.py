"""Look again: a capture whose NIK was not read reads it once more on a few later frames (issue 10, Run 24t).

On a steady hold the kiosk captures after 3 steady frames and votes their crops. Where that vote
fills no NIK (not confident, or the birth date, sex or region reject it) the card is usually still
in front of the camera, and later frames of the same hold may read it. So the kiosk keeps the
capture's other fields ready, asks the visitor to hold on ("Tahan KTP sebentar lagi, NIK belum
terbaca"), lets the hold move on for SETTLE_SECONDS, keeps the crops of up to NEW_CROPS more frames
it would capture, and reads them once, voted as a capture's crops are (Run 25s: without the
capture's own, which did not fill). Whatever that reading fills passed the same cross-checks
and vote as any capture; where it fills nothing the rest of the form is filled and the NIK is left
to the visitor. Bounded: one more reading, at most LOOK_SECONDS of later frames, and the card leaving
the frame ends it at once.

Both bounds are seconds of the frames' own times, counted as the tracker counts its wait (tracker.py,
Run 45p), not frames: 10 and 7 frames were ~2 s and ~1.4 s only at the camera loop's 5 frames a
second, and a kiosk PC sending 2 a second had its visitor hold on 5 s, one sending 8 for 1.25 s.

Pure: no OCR and no images here. The kiosk, `flask idscan --sequence` and the benches feed it each
later frame's guidance (and time, where it has one) and ask what to do (`Look.see`), and which crops
to vote (`voters`).
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from typing import Sequence, TypeVar

from . import blurry_wait
from .quality import SPOT
from .tracker import known, step_ms

ON = True  # False: the capture's reading is final, as before Run 24t (measurements)
# Seconds of later frames watched at most (10 frames of the camera loop's 0.2 s before; a frame stands
# for the time since the one before it, bounded: tracker.step_ms). Whatever times a client sends, the
# look is over within LOOK_SECONDS / tracker.MIN_STEP_SECONDS frames, and after 2 at the earliest.
LOOK_SECONDS = 2.0
NEW_CROPS = 3  # later crops kept; the reading starts as soon as this many were seen
VOTERS = 5  # crops voted together at most, earlier and later, sharpest first (read_cards reads 1-5)
# Run 25s (dev moving holds, bench/idscan.py --holds moving; 17 looks): the frames right after the
# capture show the card as the capture did, and the capture's crops outvote what the later ones read.
# The first 3 later crops voted with the capture's filled 1 of 17 looks, alone 2; the last 3 of the 10
# frames with the capture's 3, alone 6; nothing wrong in any. So the look lets the hold move on for
# SETTLE_SECONDS (7 frames before), keeps the crops after them, and votes those alone (3 crops, as a
# capture is voted). SETTLE_SECONDS = 0 and WITH_CAPTURE = True give Run 24t's look back.
SETTLE_SECONDS = 1.4  # later frames' time before a crop is kept: at 5 a second, NEW_CROPS more make LOOK_SECONDS
WITH_CAPTURE = False  # the capture's crops voted with the later ones
CAPTURABLE = ("ready", "finger_on_text", "hold_still", SPOT)  # what the kiosk captures; sequence.CAPTURABLE is this

T = TypeVar("T")


class Step(enum.StrEnum):
    KEEP = "keep"  # keep this frame's crop and watch on
    WATCH = "watch"  # nothing to keep from this frame; watch on
    READ = "read"  # read the kept crops with the capture's now (this frame's crop kept first if usable)
    GIVE_UP = "give_up"  # no later crop to read: fill the rest, the visitor types the NIK


def needed(nik: str | None, *, read: bool = True) -> bool:
    """Whether a capture looks again: its reading filled no NIK. read: the capture was read at all
    (no engine, or no crop, is not mended by more frames)."""
    return ON and read and not nik


# What a later frame's own guidance asks the visitor to change. While looking, that is said instead
# of "hold on, the NIK is not read yet": a thumb over the digits stays there for as long as the
# visitor is only told to hold on, and the look then reads the same covered digits again.
ACTIONABLE = ("finger_on_text", "glare", SPOT, "too_blurry", "move_closer", "move_into_frame")


def told(frame_guidance: str) -> str:
    """The guidance the visitor gets on a frame of the look: the frame's own instruction where it
    asks for a change the visitor can make, else "look_again" (hold on, the NIK is not read yet)."""
    return frame_guidance if frame_guidance in ACTIONABLE else "look_again"


def usable(guidance: str, in_frame: bool, has_crop: bool) -> bool:
    """A later frame whose crop the look may vote: what the kiosk would capture, or a card that stays
    too blurred (blurry_wait.py; such a capture was itself blurred)."""
    return has_crop and in_frame and (guidance in CAPTURABLE or blurry_wait.waits_for(guidance))


@dataclass
class Look:
    """One look again, fed each later frame of the hold in order."""

    frames: int = 0  # later frames seen
    kept: int = 0  # of those, crops kept
    waited: int = 0  # ms the later frames stand for (tracker.step_ms), from the capture's frame on
    at: float | None = None  # the last frame's time, s (the capture's before the first later one), or None
    done: bool = False
    took: bool = False  # this frame's crop is to be kept (the caller keeps it, the look counts it)

    def see(self, *, card: bool, guidance: str = "", in_frame: bool = False, has_crop: bool = False,
            at: float | None = None) -> Step:
        """What to do with this later frame. After READ or GIVE_UP the look is over.
        at: the frame's time in seconds, on the clock the capture's frame was timed on (Look(at=...)),
        or None: one frame of the camera loop after the one before (tracker.NOMINAL_STEP_SECONDS)."""
        self.took = False
        if self.done:
            return Step.WATCH
        if not card:
            # The card left the frame: the hold is over. Read what was kept, if anything.
            return self._end(Step.READ if self.kept else Step.GIVE_UP)
        self.frames += 1
        at = known(at)
        self.waited += step_ms(self.at, at)
        self.at = at
        keep = self.waited > round(SETTLE_SECONDS * 1000) and usable(guidance, in_frame, has_crop)
        self.took = keep
        self.kept += keep
        if self.kept >= NEW_CROPS:
            return self._end(Step.READ)
        if self.waited >= round(LOOK_SECONDS * 1000):
            return self._end(Step.READ if self.kept else Step.GIVE_UP)
        return Step.KEEP if keep else Step.WATCH

    def _end(self, step: Step) -> Step:
        self.done = True
        return step


def voters(earlier: Sequence[tuple[float, T]], later: Sequence[tuple[float, T]], n: int = VOTERS) -> list[T]:
    """The crops the look reads: the later ones (sharpest first, at most NEW_CROPS), with the
    capture's where WITH_CAPTURE: the n sharpest of them all by sharpness."""
    new = sorted(later, key=lambda item: item[0], reverse=True)[:NEW_CROPS]
    both = sorted([*(earlier if WITH_CAPTURE else ()), *new], key=lambda item: item[0], reverse=True)
    return [item for _s, item in both[:n]]


def combined(first, again):
    """The capture's reading after the look (CardReadings): the NIK, its status and its checks from
    the look's vote; the name the capture read stays (the visitor may already see it), the look's
    only where the capture read none."""
    if again is None:
        return first
    name = first.name or again.name
    fields = [f for f in ("nik", "name") if (f == "nik" and again.nik) or (f == "name" and name)]
    return replace(again, name=name, read_from_card=fields, ms=first.ms + again.ms)
