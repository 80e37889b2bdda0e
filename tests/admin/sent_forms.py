"""A page's form as a browser would send it: two staff open the same form, then both save (h32x, h34w)."""
from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlencode


class FormFields(HTMLParser):
    """The fields of one POST form of a page: the one whose action is `action`, or, without one,
    the form that posts back to the page itself (the logout form and the like skipped)."""

    def __init__(self, action: str | None = None) -> None:
        super().__init__()
        self.action = action
        self.fields: list[tuple[str, str]] = []
        self._in_form = False
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._in_form = a.get("method") == "post" and a.get("action") == self.action
        elif self._in_form and tag == "input" and a.get("name"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append((a["name"], a.get("value") or ""))
        elif self._in_form and tag == "textarea":
            self._textarea = a["name"]
            self.fields.append((a["name"], ""))
        elif self._in_form and tag == "select":
            self._select = a.get("name")
        elif self._select and tag == "option" and "selected" in a:
            self.fields.append((self._select, a.get("value") or ""))

    def handle_data(self, data):
        if self._textarea:
            name, text = self.fields.pop()
            self.fields.append((name, text + data))

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self._in_form = False


def form_in(page: str, action: str | None = None) -> list[tuple[str, str]]:
    parser = FormFields(action)
    parser.feed(page)
    return parser.fields


def opened(client, path: str, action: str | None = None) -> list[tuple[str, str]]:
    """The form as `client` sees it on `path` now."""
    response = client.get(path)
    assert response.status_code in (200, 400, 409)
    return form_in(response.get_data(as_text=True), action)


def send(client, path: str, fields: list[tuple[str, str]], **changes: str):
    """Post the form with some fields changed, every other one as the page showed it."""
    sent = [(k, changes.get(k, v)) for k, v in fields]
    return client.post(path, data=urlencode(sent), content_type="application/x-www-form-urlencoded")
