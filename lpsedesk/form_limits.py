"""Form bodies are bounded by their number of fields before they are parsed (probe h18s).

Werkzeug bounds a multipart form's parts (Flask's MAX_FORM_PARTS) but reads an urlencoded body up
to MAX_CONTENT_LENGTH whole: 7.5 MB of `a=&a=&...` is 2.5 million fields, +370 MB and 4 s of a core
per request, from anyone, at any URL (the NUL guard and the CSRF check read every form). The
largest form a page sends is an "approve all" list of a few thousand ids, and no page sends a
megabyte of typed text (files come as multipart, whose text fields Flask bounds by
MAX_FORM_MEMORY_SIZE; signatures and frames as JSON): 7.5 MB of `%41` took 1.9 s to decode.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping

from flask import Flask, Request, current_app
from flask_babel import gettext as _
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.exceptions import HTTPException
from werkzeug.formparser import FormDataParser
from werkzeug.utils import cached_property

from .errors import user_error
from . import multipart_names
from .form_text import cleaned_form
from .json_input import more_keys_than
from .multipart_names import NamesAsSentParser
from .query_text import query_args

MAX_FORM_FIELDS = 20_000
MAX_FORM_BYTES = 1_000_000


class FieldBoundedParser(FormDataParser):
    def parse(self, stream, mimetype, content_length, options=None):
        # every form's text is cleaned here, once, before any view reads it (h47e, form_text)
        stream, form, files = super().parse(stream, mimetype, content_length, options)
        return stream, cleaned_form(form, self.cls), files

    def _parse_urlencoded(self, stream, mimetype, content_length, options):
        body = _read_up_to(stream, MAX_FORM_BYTES + 1)
        if len(body) > MAX_FORM_BYTES:
            raise user_error(413, _("What was sent is far longer than any form of the desk. "
                                    "Reload the page and try again."))
        if body.count(b"&") >= MAX_FORM_FIELDS:
            raise user_error(413, _("What was sent holds far more fields than any form of the desk. "
                                    "Reload the page and try again."))
        return super()._parse_urlencoded(_Replay(body), mimetype, content_length, options)

    def _parse_multipart(self, stream, mimetype, content_length, options):
        # Werkzeug's own parser, but a file name that is not UTF-8 no longer empties the form (h43p)
        if not multipart_names.AVAILABLE:
            return super()._parse_multipart(stream, mimetype, content_length, options)
        boundary = options.get("boundary", "").encode("ascii")
        if not boundary:
            raise ValueError("Missing boundary")
        parser = NamesAsSentParser(stream_factory=self.stream_factory, max_form_memory_size=self.max_form_memory_size,
                                   max_form_parts=self.max_form_parts, cls=self.cls)
        form, files = parser.parse(stream, boundary, content_length)
        return stream, form, files


def _read_up_to(stream, limit: int) -> bytes:
    """At most `limit` bytes, however few each read gives (a stream may return less than asked)."""
    chunks, got = [], 0
    while got < limit and (chunk := stream.read(limit - got)):
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


class _Replay:
    """The body already read, handed to Werkzeug's parser as the stream it expects."""

    def __init__(self, body: bytes) -> None:
        self._body = body

    def read(self, *_args) -> bytes:
        body, self._body = self._body, b""
        return body


def largest_body(config: Mapping) -> int:
    """The most of a request body the server reads at all (waitress refuses more, lpsedesk/serving.py):
    four times MAX_UPLOAD_MB, so a file a little too large still reaches a page that says so."""
    return 4 * int(config["MAX_UPLOAD_MB"]) * 1024 * 1024


def file_beside_typed_fields(file_bytes: int) -> Callable[[Callable], Callable]:
    """Marks a staff form whose file (of at most `file_bytes`) comes with fields typed by hand (a
    remote-access letter, a participants' file). Its body may be as large as the server reads at all, so
    the form's own check says the file is too large beside the field and gives back what was typed
    (h40s): refused by MAX_CONTENT_LENGTH before the form was read, a 9 MB scanned letter cost the Admin
    the whole form. `file_bytes` is also what the server's own refusal names (h40t, file_bytes_at)."""
    def mark(view: Callable) -> Callable:
        view.file_beside_typed_fields = True  # type: ignore[attr-defined]
        view.file_bytes = file_bytes  # type: ignore[attr-defined]
        return view
    return mark


def body_at_most(size: int, fields: int) -> Callable[[Callable], Callable]:
    """Marks a route whose body is never larger than `size` bytes nor holds more than `fields` fields (a
    form's fields or parts, a JSON body's keys): more is refused with a 413 before it is parsed, from its
    Content-Length before it is even read (h48f). The server-wide bounds above are for the largest form
    of any page; a route that takes a small body is cheaper to refuse by its own."""
    def mark(view: Callable) -> Callable:
        view.body_bytes = size  # type: ignore[attr-defined]
        view.body_fields = fields  # type: ignore[attr-defined]
        return view
    return mark


def file_bytes_at(app: Flask, endpoint: str) -> int:
    """The most a file sent to `endpoint` may hold: its form's own limit, else MAX_UPLOAD_MB (a kiosk's
    photo; a form without a file is bounded by it too)."""
    view = app.view_functions.get(endpoint)
    return getattr(view, "file_bytes", None) or int(app.config["MAX_UPLOAD_MB"]) * 1024 * 1024


class DeskRequest(Request):
    form_data_parser_class = FieldBoundedParser

    @cached_property
    def args(self) -> ImmutableMultiDict:  # type: ignore[override]
        # the query's text cleaned as a form's is, for every view and error page (h48f, query_text)
        return query_args(self.query_string)

    def _view(self) -> Callable | None:
        return current_app.view_functions.get(self.endpoint or "") if self.url_rule is not None else None

    @property
    def max_content_length(self) -> int | None:
        view = self._view()
        if getattr(view, "file_beside_typed_fields", False):
            return largest_body(current_app.config)
        everywhere = super().max_content_length
        own = getattr(view, "body_bytes", None)
        if own is None or everywhere is None:
            return everywhere if own is None else own
        return min(own, everywhere)  # a route's own bound, never past the server's (MAX_UPLOAD_MB)

    @property
    def max_form_parts(self) -> int | None:
        return getattr(self._view(), "body_fields", None) or super().max_form_parts

    def body_refusal(self) -> HTTPException | None:
        """The 413 for a body its route never takes (`body_at_most`), else None: told by its length before it
        is read, by its fields before it is parsed (a multipart form's parts are counted by Werkzeug)."""
        view = self._view()
        size, fields = getattr(view, "body_bytes", None), getattr(view, "body_fields", None)
        if size is not None and (self.content_length or 0) > size:
            return user_error(413, _("What was sent is far longer than any form of the desk. "
                                     "Reload the page and try again."))
        if fields is not None and (
                (self.is_json and more_keys_than(self.get_data(cache=True), fields))
                or (self.mimetype == "application/x-www-form-urlencoded"
                    and self.get_data(cache=True).count(b"&") >= fields)):
            return user_error(413, _("What was sent holds far more fields than any form of the desk. "
                                     "Reload the page and try again."))
        return None
