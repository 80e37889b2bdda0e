"""The kiosk's waits as issue 10 and the runs put them, counted on the frames' own times since Run 45p;
a test that feeds frames without times has them taken at the camera loop's 5 frames a second, so each
wait is this many of them.

The wait for what the visitor can fix (a thumb on the NIK, a smear, a lamp's spot, a blur): ~3 s, then
the card is captured as it is (Run 14x). The look again for a NIK the capture did not read: ~2 s at
most, the hold moving on ~1.4 s before a crop is kept (Runs 24t, 25s)."""
WAIT_FRAMES = 15  # 3 s at 5 frames a second
LOOK_FRAMES = 10  # 2 s
SETTLE_FRAMES = 7  # 1.4 s
