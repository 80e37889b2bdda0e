"""Forms of the SOP 1 staff screens; labels are lazy so they render in the language of each request."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import Length


class DecisionForm(FlaskForm):
    reason = TextAreaField(_l("Reason"), validators=[Length(max=500)])
