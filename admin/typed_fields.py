"""Date and time fields typed as text, day first with a 24-hour WIB clock (lpsedesk.typed_time).

WTForms' DateField/TimeField/DateTimeLocalField render the browser's own pickers, which show
mm/dd/yyyy and AM/PM on an English-set browser and whatever Windows' locale says on an office PC.
These fields show "25/12/2026 14:30" whatever the browser, keep what was typed when it cannot be
read, and say beside the field how to write it, in the page's language. `.data` is the same
date / time / naive datetime the WTForms fields gave.
"""
from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.validators import StopValidation

from lpsedesk import typed_time as tt


def day_problem(code: str) -> str:
    if code == tt.NO_SUCH_DAY:
        return _("There is no such date: write the day first, then the month, e.g. 25/12/2026.")
    return _("Write the date as dd/mm/yyyy, e.g. 25/12/2026.")


def moment_problem(code: str) -> str:
    if code == tt.NO_SUCH_DAY:
        return _("There is no such date: write the day first, then the month, e.g. 25/12/2026 14:30.")
    if code == tt.NO_CLOCK:
        return _("Add the time (24-hour WIB), e.g. 25/12/2026 14:30.")
    return _("Write the date and the 24-hour WIB time as dd/mm/yyyy HH:MM, e.g. 25/12/2026 14:30.")


def clock_problem(code: str) -> str:
    return _("Write the time as HH:MM on the 24-hour clock (WIB), e.g. 14:30.")


# h30p: each hint names the digits-only form too: the fields open the number pad (inputmode numeric), and
# an iPhone's has no "/" and no ":" (typed_time reads the digits alone, h29d)
DAY_HINT = _l("Day/month/year, e.g. 25/12/2026 (digits only: 25122026)")
MOMENT_HINT = _l("Day/month/year and 24-hour WIB time, e.g. 25/12/2026 14:30 (digits only: 251220261430)")
CLOCK_HINT = _l("24-hour WIB, e.g. 14:30 (digits only: 1430)")


class Required:
    """Something must be typed. Unlike DataRequired, it never replaces "how to write it" (a date typed
    that could not be read) with "this field is required"."""

    field_flags = {"required": True}

    def __call__(self, form, field):
        if field.raw_data and str(field.raw_data[0] or "").strip():
            return
        field.errors[:] = []
        raise StopValidation(field.gettext("This field is required."))


class _TypedField(StringField):
    parse = staticmethod(tt.parse_day)
    show = staticmethod(tt.show_day)
    problem = staticmethod(day_problem)
    placeholder = _l("dd/mm/yyyy")
    hint = DAY_HINT
    size = 10

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("description", self.hint)
        # inputmode=numeric: a phone opens its number pad, as for the two-part fields (typed_time reads
        # 25.12.2026 14.30, 25122026 and 251220261430 too: an iPhone's pad has only the digits)
        render_kw = {"placeholder": self.placeholder, "autocomplete": "off", "spellcheck": "false",
                     "inputmode": "numeric", "size": self.size + 2, "maxlength": 40, "class": "typed-time"}
        render_kw.update(kwargs.pop("render_kw", None) or {})
        super().__init__(label, validators, render_kw=render_kw, **kwargs)

    def process_formdata(self, valuelist):
        if not valuelist or not str(valuelist[0] or "").strip():
            self.data = None
            return
        try:
            self.data = self.parse(valuelist[0])
        except tt.TypedTimeError as exc:
            self.data = None
            raise ValueError(self.problem(exc.code)) from None

    def _value(self):
        # what the person typed, when it came from a form (kept even when it could not be read)
        if self.raw_data:
            return self.raw_data[0]
        return self.show(self.data) if self.data else ""

    def __call__(self, **kwargs):
        # the placeholder and hint are translated at request time, in the page's language
        kwargs.setdefault("placeholder", str(self.placeholder))
        return super().__call__(**kwargs)


class DayField(_TypedField):
    pass


class MomentField(_TypedField):
    parse = staticmethod(tt.parse_moment)
    show = staticmethod(tt.show_moment)
    problem = staticmethod(moment_problem)
    placeholder = _l("dd/mm/yyyy HH:MM")
    hint = MOMENT_HINT
    size = 16


class ClockField(_TypedField):
    parse = staticmethod(tt.parse_clock)
    show = staticmethod(tt.show_clock)
    problem = staticmethod(clock_problem)
    placeholder = _l("HH:MM")
    hint = CLOCK_HINT
    size = 5


class DayAndClockField(MomentField):
    """A moment typed as two fields, the day and the 24-hour WIB clock (template macro `moment_apart`).

    On a phone one "25/12/2026 14:30" text box opens the letter keyboard and asks the thumb to find
    the space and the colon; two short fields open the number pad (inputmode=numeric), each with its
    own label, and each problem is said beside its own part. Both inputs carry the field's name, so
    the form sends two values in page order (day, clock); one value (a typed moment, as before) is
    still read.
    """

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, **kwargs)
        self.parts: tuple[str, str] | None = None
        self.part_problems: dict[str, str] = {}

    def process_formdata(self, valuelist):
        if len(valuelist) != 2:
            return super().process_formdata(valuelist)
        day, clock = (" ".join(str(v or "").split()) for v in valuelist)
        self.parts = (day, clock)
        self.data = None
        # Optional() reads only the first raw value: with the day left empty and a time typed it would
        # take the field for empty and drop the "enter the date too" message
        self.raw_data = [f"{day} {clock}".strip()]
        if not day and not clock:
            return
        parsed = {}
        for part, text, parse, problem, missing in (
                ("day", day, tt.parse_day, day_problem, _("Enter the date too, e.g. 25/12/2026.")),
                ("clock", clock, tt.parse_clock, clock_problem, _("Enter the time too (24-hour WIB), e.g. 14:30."))):
            try:
                parsed[part] = parse(text)
            except tt.TypedTimeError as exc:
                self.part_problems[part] = missing if exc.code == tt.EMPTY else problem(exc.code)
        if self.part_problems:
            raise ValueError(" ".join(self.part_problems.values()))
        self.data = datetime.combine(parsed["day"], parsed["clock"])

    def day_value(self) -> str:
        return self.parts[0] if self.parts else (tt.show_day(self.data.date()) if self.data else "")

    def clock_value(self) -> str:
        return self.parts[1] if self.parts else (tt.show_clock(self.data.time()) if self.data else "")

    def other_problems(self) -> list[str]:
        """Problems of the moment as a whole (e.g. the core's "must be in the future"), said under both parts."""
        own = " ".join(self.part_problems.values())
        return [e for e in self.errors if e != own]
