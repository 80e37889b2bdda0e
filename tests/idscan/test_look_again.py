"""Look again (issue 10, Run 24t): a capture whose NIK the vote did not fill reads it once more on a
few later frames of the same hold, voted with the capture's crops; bounded, and never a NIK the
cross-checks refuse (the reading after the look is read_cards' own, the same rules as any capture)."""
from __future__ import annotations

import numpy as np

from idscan import look_again, sequence
from idscan.look_again import Look, Step
from idscan.reader import CardReading
from idscan.result import ScanResult
from tests.idscan.kiosk_wait import LOOK_FRAMES


def _frame(advice: str = "ready", sharpness: float = 500.0, card: bool = True) -> ScanResult:
    return ScanResult(card=card, corners=[[0, 0], [856, 0], [856, 540], [0, 540]] if card else None,
                      in_frame=card, guidance=advice, sharpness=sharpness,
                      crop=np.full((8, 8, 3), int(sharpness) % 256, np.uint8) if card else None)


def _see(look: Look, res: ScanResult) -> Step:
    return look.see(card=res.card, guidance=res.guidance, in_frame=res.in_frame, has_crop=res.crop is not None)


def test_a_capture_that_filled_its_nik_does_not_look_again():
    assert not look_again.needed("3174012301900003")
    assert look_again.needed(None)


def test_a_capture_nobody_could_read_does_not_look_again():
    assert not look_again.needed(None, read=False)


def test_switched_off_nothing_looks_again(monkeypatch):
    monkeypatch.setattr(look_again, "ON", False)
    assert not look_again.needed(None)


def test_the_look_reads_three_more_sharp_frames_once_the_hold_has_moved_on_within_two_seconds():
    # Run 25s: the frames right after the capture show the card as the capture did; the look keeps
    # the crops of frames later in the hold, and reads within its bound (10 frames, ~2 s).
    look = Look()
    steps = [_see(look, _frame()) for _ in range(LOOK_FRAMES)]
    assert steps[-1] == Step.READ and look.kept == 3
    assert steps[:4] == [Step.WATCH] * 4, "the frames right after the capture are watched, not kept"
    assert _see(look, _frame()) == Step.WATCH, "one look only"


def test_frames_the_kiosk_would_not_capture_are_watched_not_kept():
    look = Look()
    assert _see(look, _frame("glare")) == Step.WATCH
    assert _see(look, _frame("move_closer")) == Step.WATCH
    assert look.kept == 0


def test_the_look_is_bounded_and_reads_what_it_kept():
    look = Look()
    steps = [_see(look, _frame("ready" if k == LOOK_FRAMES - 2 else "glare")) for k in range(LOOK_FRAMES)]
    assert steps[-1] == Step.READ and look.frames == LOOK_FRAMES


def test_with_no_usable_frame_in_the_bound_it_gives_up():
    look = Look()
    steps = [_see(look, _frame("glare")) for _ in range(LOOK_FRAMES)]
    assert steps[-1] == Step.GIVE_UP


def test_the_card_taken_away_ends_the_look_at_once():
    look = Look()
    assert _see(look, _frame(card=False)) == Step.GIVE_UP
    look = Look()
    while not look.kept:
        _see(look, _frame())
    assert _see(look, _frame(card=False)) == Step.READ, "the crop kept is still read"


def test_the_later_crops_are_voted_as_a_capture_is_without_the_capture_that_did_not_fill(monkeypatch):
    # Run 25s: the capture's crops, which filled nothing, outvoted what the later ones read.
    earlier = [(300.0, "a"), (200.0, "b"), (100.0, "c")]
    later = [(250.0, "x"), (50.0, "y"), (400.0, "z"), (150.0, "w")]
    assert look_again.voters(earlier, later) == ["z", "x", "w"]
    monkeypatch.setattr(look_again, "WITH_CAPTURE", True)  # Run 24t's look: the sharpest 5 of both
    assert look_again.voters(earlier, later) == ["z", "a", "x", "b", "w"]


def _reading(nik, name=None):
    return CardReading(nik, name, "accepted" if nik else "unconfirmed", [f for f, v in (("nik", nik), ("name", name)) if v])


def test_the_look_fills_the_nik_and_keeps_the_name_the_capture_read():
    first, again = _reading(None, "BUDI SANTOSO"), _reading("3174012301900003", "BUDI SANTOSA")
    both = look_again.combined(first, again)
    assert (both.nik, both.name, both.read_from_card) == ("3174012301900003", "BUDI SANTOSO", ["nik", "name"])


def test_a_look_that_fills_nothing_leaves_the_nik_to_the_visitor_and_the_rest_filled():
    both = look_again.combined(_reading(None, "BUDI SANTOSO"), _reading(None, None))
    assert both.nik is None and both.name == "BUDI SANTOSO" and both.read_from_card == ["name"]


def test_the_cli_looks_again_on_the_frames_after_the_capture(monkeypatch):
    # `flask idscan --sequence DIR` runs the kiosk's capture and look: 5 frames captured (the sharpest
    # 3 read), the NIK not filled, then 3 more sharp frames of the hold read once it has moved on.
    sharp = {k: 100.0 + k for k in range(16)}
    monkeypatch.setattr(sequence, "scan_frame", lambda k, barcodes: _frame("ready", sharp[k]))
    read: list[int] = []

    def fake_read(crops, engine, regions):
        read.append(len(crops))
        return _reading("3174012301900003" if len(read) > 1 else None, "BUDI")
    monkeypatch.setattr(sequence, "read_cards", fake_read)
    top, reading = sequence.scan_sequence(list(range(16)))
    assert read == [3, 3]
    assert top.nik == reading.nik == "3174012301900003" and reading.name == "BUDI"


def test_the_cli_reads_once_where_the_capture_filled_its_nik(monkeypatch):
    monkeypatch.setattr(sequence, "scan_frame", lambda k, barcodes: _frame("ready", 100.0 + k))
    read: list[int] = []

    def fake_read(crops, engine, regions):
        read.append(len(crops))
        return _reading("3174012301900003")
    monkeypatch.setattr(sequence, "read_cards", fake_read)
    sequence.scan_sequence(list(range(12)))
    assert read == [3]
