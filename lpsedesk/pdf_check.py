"""Is this upload a plain PDF document, with nothing that runs when it is opened?

A request letter is shown in the staff's browser. A file that says "%PDF-" but is HTML, or a PDF
that carries JavaScript, an open action, a launch action, embedded files or a form that submits,
is refused. Names are compared after undoing PDF's #xx escapes (/J#61vaScript is /JavaScript), and
compressed streams (object streams hide dictionaries) are inflated and searched as well.
Plain Python, no PDF library: we only need to know what must not be there.
"""
from __future__ import annotations

import re
import zlib

ACTIVE = re.compile(rb"/(JavaScript|JS|OpenAction|AA|Launch|EmbeddedFiles?|RichMedia|XFA|SubmitForm|ImportData"
                    rb"|GoToE|GoToR)(?=[\s/<>\[\]()%{}]|$)")
HTML = re.compile(rb"<\s*(html|script|body|head|iframe|svg|!doctype|meta|object|embed)\b", re.IGNORECASE)
STREAM = re.compile(rb"stream\r?\n(.*?)\r?\n?endstream", re.DOTALL)
NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
MAX_INFLATED = 20 * 1024 * 1024  # a zip bomb in a stream must not cost more than this


class PdfProblem(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code  # "not_pdf" | "active_content"


def _names(data: bytes) -> bytes:
    return NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), data)


def _inflate(data: bytes) -> bytes | None:
    try:
        inflater = zlib.decompressobj()
        out = inflater.decompress(data, MAX_INFLATED)
        return out
    except zlib.error:
        return None  # not Flate (an image in DCT, say): nothing to search


def check_pdf(data: bytes) -> None:
    """Raise PdfProblem unless `data` is a PDF without active content."""
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-2048:]:
        raise PdfProblem("not_pdf")
    if b"obj" not in data or b"/Root" not in _names(data) and b"/Type/Catalog" not in _names(data).replace(b" ", b""):
        raise PdfProblem("not_pdf")
    outside = STREAM.sub(b"stream endstream", data)
    if HTML.search(outside):
        raise PdfProblem("not_pdf")
    if ACTIVE.search(_names(outside)):
        raise PdfProblem("active_content")
    for match in STREAM.finditer(data):
        inflated = _inflate(match.group(1))
        if inflated and ACTIVE.search(_names(inflated)):
            raise PdfProblem("active_content")
