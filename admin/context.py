"""What every staff template may use: the navigation and the label and helper functions."""
from __future__ import annotations

from flask import Blueprint, current_app

from .nav import staff_nav
from .staff.common import template_helpers
from .staff.restricted import restricted_helpers
from .typed_fields import DAY_HINT


def _context() -> dict:
    return {"staff_nav": staff_nav, **template_helpers(), **restricted_helpers(),
            # The kiosks page can be left out of an installation; link to it only when it is there.
            "settings_kiosks_page": "admin.kiosks" in current_app.view_functions}


def register_context(bp: Blueprint) -> None:
    bp.context_processor(_context)
    # admin/_forms.html's day_hint() is imported without context too (reports/_macros.html): a global, so
    # the hint beside a typed day is the one text the form fields carry
    bp.add_app_template_global(DAY_HINT, "day_hint_text")
