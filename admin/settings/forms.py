"""Forms of the Admin's account screens; every message is given so it renders in the user's language."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import PasswordField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from lpsedesk.roles import STAFF_ROLES

from ..form_language import Form


def role_choices() -> list[tuple[str, str]]:
    labels = {"helpdesk": _l("Helpdesk"), "kasubag": _l("Kasubag"), "admin": _l("Admin")}
    return [(role.value, labels[role.value]) for role in STAFF_ROLES]


class RolesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class RolesForm(Form):
    roles = RolesField(_l("Roles"), validators=[DataRequired(message=_l("Choose at least one role."))])

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.roles.choices = role_choices()


class ProfileForm(Form):
    full_name = StringField(_l("Full name"), validators=[
        DataRequired(message=_l("A full name is required.")),
        Length(max=120, message=_l("At most %(max)d characters."))])
    nip = StringField(_l("NIP (optional)"), validators=[Optional(), Length(max=32, message=_l("A NIP has 18 digits."))])


class PasswordForm(Form):
    """Leave both fields empty to have a strong password generated and shown once."""

    password = PasswordField(_l("New password"), validators=[Optional(), Length(max=256)])
    confirm = PasswordField(_l("Repeat password"),
                            validators=[EqualTo("password", message=_l("The passwords differ."))])


class UserCreateForm(RolesForm, ProfileForm, PasswordForm):
    username = StringField(_l("User name"), validators=[
        DataRequired(message=_l("A user name is required.")), Length(max=64)])
