"""Text typed into a form is kept as people will read it, as the kiosk's text is (h47e).

h46f cleaned what a visitor types at the kiosk (`seen_text`), but the staff's own text - a note, a
refusal reason, a remote-access request's names, an invitation, the settings' texts, a user's name -
was kept as typed. Staff are trusted, but a name pasted from a letter or a chat brings zero-width
characters and bidirectional marks with it: `BU<U+200B>DI` on a remote-access request looked like BUDI
and was searched and compared as another name; an override turned a refusal reason the visitor reads
around. Every form body is read in one place (the request's form parser), so the text is cleaned there,
once, for every form, before any view or validator sees it.
"""
from __future__ import annotations

from werkzeug.datastructures import MultiDict

from .seen_text import seen_text

NUL = "\x00"


def kept_as_typed(name: str) -> bool:
    """A password is compared with its stored hash as typed: cleaning it (NFC, a dropped character)
    would lock out whoever chose one with such characters. The forms name them `password`,
    `new_password`, `confirm` (the repeated password)."""
    return name == "confirm" or "password" in name


def cleaned(value: str, *, lines: bool = True) -> str:
    # A NUL is left for the input guard, which refuses the whole request with its own message.
    return NUL.join(seen_text(part, lines=lines) for part in value.split(NUL))


def cleaned_form(form: MultiDict, cls: type[MultiDict]) -> MultiDict:
    """`form` with every text field but a password's cleaned; files are not in it. A multipart part
    without a name (a script's; no browser sends one) is left out: no field is read by it, and its name
    None was a server error in the CSRF check's search for its token (h47e)."""
    return cls([(name, value if kept_as_typed(name) else cleaned(value))
                for name, value in form.items(multi=True) if name is not None])
