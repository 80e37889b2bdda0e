"""Forms of the SOP 1 staff screens; labels are lazy so they render in the language of each request."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import TextAreaField
from wtforms.validators import Length

from ..form_language import Form


class DecisionForm(Form):
    reason = TextAreaField(_l("Reason"), validators=[Length(max=500)])
