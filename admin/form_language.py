"""WTForms' own messages (a required field left empty, a date it cannot read, a text too long) in the
page's language. WTForms ships no Indonesian, so an Indonesian page said "This field is required."
in English; here its messages are looked up in the desk's own catalogue instead."""
from __future__ import annotations

from flask_babel import get_translations
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from flask_wtf import FlaskForm

# The built-in messages the desk's fields and validators can show, named here so that
# scripts/messages.py extracts them and they get their Indonesian text.
BUILT_IN = (
    _l("This field is required."),
    _l("Not a valid datetime value."),
    _l("Not a valid date value."),
    _l("Not a valid time value."),
    _l("Not a valid choice."),
    # a list field given a value its list does not offer (a tampered form, a list changed meanwhile)
    lazy_ngettext("'%(value)s' is not a valid choice for this field.",
                  "'%(value)s' are not valid choices for this field.", 1),
    _l("Invalid Choice: could not coerce."),
    _l("Invalid choice(s): one or more data inputs could not be coerced."),
    _l("Field must be between %(min)d and %(max)d characters long."),
    lazy_ngettext("Field must be at least %(min)d character long.", "Field must be at least %(min)d characters long.", 1),
    lazy_ngettext("Field cannot be longer than %(max)d character.", "Field cannot be longer than %(max)d characters.", 1),
    lazy_ngettext("Field must be exactly %(max)d character long.", "Field must be exactly %(max)d characters long.", 1),
)


class _Catalogue:
    """What WTForms asks of a translations object, answered from the request's catalogue."""

    def gettext(self, string: str) -> str:
        return get_translations().gettext(string)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return get_translations().ngettext(singular, plural, n)


class Form(FlaskForm):
    """The base of every staff form: FlaskForm, with WTForms' messages in the page's language."""

    class Meta:
        def get_translations(self, form):
            return _Catalogue()
