"""The answer to a second member of staff recording a step that is recorded once (h38b): the visitor let
in or told of the refusal (SOP 1, the helpdesk's board) and the third party told of a refused letter
(SOP 2, the Admin). One wording for all three, naming who recorded it first and when (WIB): the board
and the letter's page said the same situation two ways."""
from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _

from lpsedesk.i18n import format_wib

LET_IN, VISITOR_TOLD, THIRD_PARTY_TOLD = "let_in", "visitor_told", "third_party_told"


def already_recorded(step: str, who: str, at: datetime | None) -> str:
    """The 409's sentence for `step`, recorded by `who` at `at` (UTC; said in WIB)."""
    name, time = who or "-", format_wib(at)
    if step == LET_IN:
        return _("%(name)s already recorded that this visitor was let in, %(time)s: it is recorded once.",
                 name=name, time=time)
    if step == VISITOR_TOLD:
        return _("%(name)s already recorded that this visitor was told of the refusal, %(time)s: it is "
                 "recorded once.", name=name, time=time)
    return _("%(name)s already recorded that the third party was told of the refusal, %(time)s: it is "
             "recorded once.", name=name, time=time)
