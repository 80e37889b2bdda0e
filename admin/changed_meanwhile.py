"""What the second of two staff saving one form is told (lpsedesk.form_edits): nothing was saved,
which fields the other changed, and that what they typed is on the page to save again."""
from __future__ import annotations

from collections.abc import Iterable

from flask import request
from flask_babel import gettext as _

from lpsedesk import form_edits


def shown_marks() -> dict[str, str] | None:
    """The marks the posted form carried of what it showed (None: saved as typed)."""
    return form_edits.read_marks(request.form.get("shown"))


def changed_meanwhile_message(labels: Iterable[str]) -> str:
    return _("Nothing was saved: another user changed %(what)s after you opened this page. What you typed is "
             "kept below; save again to replace their change.", what=", ".join(labels))
