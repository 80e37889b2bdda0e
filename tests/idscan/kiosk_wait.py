"""The kiosk's wait for what the visitor can fix (a thumb on the NIK, a smear, a lamp's spot, a blur),
as issue 10 and Run 14x put it: ~3 s, then the card is captured as it is. Counted on the frames'
own times since Run 45p; a test that feeds frames without times has them taken at the camera loop's
5 frames a second, so the wait is this many of them."""
WAIT_FRAMES = 15  # 3 s at 5 frames a second
