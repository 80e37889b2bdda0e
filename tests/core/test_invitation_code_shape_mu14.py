"""An invitation code is "INV" + 8 symbols (selector) + 20 symbols (verifier) (docs/invitations.md,
"The code"): a code of the same length that does not start with INV - another QR the scanner read, a
ticket run together with other text - is not an invitation's, even when the rest matches one."""
from __future__ import annotations

from lpsedesk.invitations import codes


def test_a_code_of_the_right_length_without_inv_in_front_is_not_an_invitation():
    selector, verifier = codes.new_parts()
    assert codes.parse("INV" + selector + verifier) == (selector, verifier)
    for other in ("TIK", "ABC", "VNI"):
        assert codes.parse(other + selector + verifier) is None
        assert not codes.looks_like(f"{other}-{selector}-{verifier}")
