"""Forms of the remote-access register; times are typed in WIB and stored in UTC."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import BooleanField, HiddenField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, Regexp
from wtforms.widgets import CheckboxInput, ListWidget

from lpsedesk.labels import access_right_label

from ..file_name import ReadableFileName
from ..form_language import Form
from ..typed_fields import DayAndClockField, DayField, MomentField, Required


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def rights_text(chosen: list[str], other: str | None) -> str:
    """The Hak Akses as one line for the register: the chosen list items, then the free text."""
    parts = [c for c in chosen if c] + ([other.strip()] if other and other.strip() else [])
    return ", ".join(parts)


class VersionedForm(Form):
    # The record's version the person saw: acting on a stale screen is a 409, not a silent overwrite.
    version = HiddenField()


class RequestForm(Form):
    requester_name = StringField(_l("Requester's name"), validators=[DataRequired(), Length(max=120)])
    instansi = StringField(_l("Institution"), validators=[DataRequired(), Length(max=160)])
    letter_number = StringField(_l("Letter number"), validators=[DataRequired(), Length(max=80)])
    letter_date = DayField(_l("Letter date"), validators=[Required()])
    # required, but checked in the view: a letter held from the form's last submission counts (ux5)
    letter = FileField(_l("Scanned letter (PDF, JPEG, PNG or WebP)"), validators=[ReadableFileName()])
    # h40w: the SOP's form calls it "Tujuan"; "Purpose" is the guest book's "Keperluan"
    purpose = TextAreaField(_l("Purpose of access"), validators=[DataRequired(), Length(max=1000)])
    rights = MultiCheckboxField(_l("Access rights requested"), choices=[], validate_choice=True)
    rights_other = StringField(_l("Other access rights"), validators=[Optional(), Length(max=200)])
    period_start = MomentField(_l("From (WIB)"), validators=[Required()])
    period_end = MomentField(_l("Until (WIB)"), validators=[Required()])
    extends = HiddenField()


class DecisionForm(VersionedForm):
    reason = TextAreaField(_l("Reason"), validators=[Length(max=500)])
    approved_until = DayAndClockField(_l("Access ends at (WIB)"), validators=[Optional()])


class GiveForm(VersionedForm):
    username = StringField(_l("Account user name"), validators=[
        DataRequired(), Length(max=80),
        Regexp(r"^[A-Za-z0-9._@-]+$", message=_l("Use letters, digits, dots, dashes, underscores or @ only."))])
    rights = MultiCheckboxField(_l("Access rights granted"), choices=[], validate_choice=True)
    rights_other = StringField(_l("Other access rights"), validators=[Optional(), Length(max=200)])
    granted_at = DayAndClockField(_l("Time given (WIB)"), validators=[Required()])
    generate_password = BooleanField(_l("Generate a one-time password to hand over"))


class CloseForm(VersionedForm):
    closed_at = DayAndClockField(_l("Time closed (WIB)"), validators=[Required()])
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=500)])


class TellForm(VersionedForm):
    """The answer to a refused letter: when the third party was told, and how (h35r)."""

    told_at = DayAndClockField(_l("Time told (WIB)"), validators=[Required()])
    note = StringField(_l("How (optional)"), validators=[Optional(), Length(max=200)])


def with_rights_choices(form, options: list[str], extra: list[str] = ()):
    """Fill a rights checklist from the office's setting, plus values already on the record."""
    values = list(dict.fromkeys([*options, *extra]))
    # stored as the office wrote them, shown in the reader's language (h21u)
    form.rights.choices = [(v, access_right_label(v)) for v in values]
    return form
