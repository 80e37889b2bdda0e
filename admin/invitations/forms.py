"""Forms of the invitation screens; the day and times are typed in WIB and stored in UTC."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from ..file_name import ReadableFileName
from ..form_language import Form
from ..typed_fields import ClockField, DayField, Required


class WindowForm(Form):
    """What a single invitation and a whole training share: when, where, what for."""

    event_name = StringField(_l("Training or event (optional)"), validators=[Optional(), Length(max=120)])
    day = DayField(_l("Date"), validators=[Required()])
    # times of day: "From (WIB)" reads "Dari tanggal (WIB)" in Indonesian, a date, where a time is typed
    start = ClockField(_l("From time (WIB)"), validators=[Required()])
    end = ClockField(_l("Until time (WIB)"), validators=[Required()])
    purpose = SelectField(_l("Purpose"), choices=[], validate_choice=False)
    purpose_detail = StringField(_l("Purpose, in words (for Other)"), validators=[Optional(), Length(max=500)])
    facility = SelectField(_l("Facility"), choices=[], validate_choice=False)


class InvitationForm(WindowForm):
    full_name = StringField(_l("Visitor's name"), validators=[DataRequired(), Length(max=120)])
    nik = StringField(_l("NIK (optional)"), validators=[Optional(), Length(max=20)])
    phone = StringField(_l("Mobile phone"), validators=[DataRequired(), Length(max=20)])
    institution = StringField(_l("Institution"), validators=[DataRequired(), Length(max=160)])
    category = SelectField(_l("Category"), choices=[], validate_choice=False)


class ImportForm(WindowForm):
    participants = FileField(_l("Participants' file (XLSX or CSV)"),
                             validators=[FileRequired(_l("Choose the participants' file.")), ReadableFileName()])


class DecisionForm(Form):
    reason = TextAreaField(_l("Reason"), validators=[Length(max=500)])
