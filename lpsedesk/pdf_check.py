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
OBJECT_STREAM = re.compile(rb"/Type\s*/ObjStm\b")
FILTER = re.compile(rb"/Filter\b")
FLATE_ONLY = re.compile(rb"/Filter\s*(?:/FlateDecode|\[\s*/FlateDecode\s*\])")
# One stream inflated: an A4 page scanned in colour at 300 dpi, kept lossless, is 26 MB.
MAX_INFLATED = 32 * 1024 * 1024
# All streams of one file together. 256 streams of 20 KB, each inflating to 20 MB, fit in a 5 MB
# letter: 5 GB to inflate and search, 16 s of CPU per upload. A stream or a file holding more than
# can be searched is refused: what lay past the old per-stream cut was never searched, and could be
# the very script being looked for.
MAX_INFLATED_TOTAL = 96 * 1024 * 1024


class PdfProblem(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code  # "not_pdf" | "active_content" | "too_much" | "unchecked"


def _names(data: bytes) -> bytes:
    return NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), data)


def _inflate(data: bytes, budget: int) -> bytes | None:
    """The stream inflated, None when it is not Flate; PdfProblem("too_much") past `budget`."""
    try:
        inflater = zlib.decompressobj()
        out = inflater.decompress(data, min(MAX_INFLATED, budget) + 1)
    except zlib.error:
        return None  # not Flate (an image in DCT, say): nothing to search
    if len(out) > min(MAX_INFLATED, budget):
        raise PdfProblem("too_much")
    return out


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
    budget = MAX_INFLATED_TOTAL
    for match in STREAM.finditer(data):
        head = _stream_dictionary(data, match.start())
        if OBJECT_STREAM.search(head) and not FLATE_ONLY.search(head) and FILTER.search(head):
            # An object stream holds dictionaries a reader parses like any others; packed with a filter
            # this check does not undo (ASCIIHex, ASCII85, LZW ...), its /JavaScript went unseen.
            raise PdfProblem("unchecked")
        if OBJECT_STREAM.search(head) and not FILTER.search(head):
            inflated = match.group(1)  # an object stream kept as plain text: searched as it is
        else:
            inflated = _inflate(match.group(1), budget)
            if inflated is None and OBJECT_STREAM.search(head):
                raise PdfProblem("unchecked")  # encrypted (an /Encrypt PDF) or damaged: unreadable here
        if inflated:
            budget -= len(inflated)
            if ACTIVE.search(_names(inflated)):
                raise PdfProblem("active_content")


def _stream_dictionary(data: bytes, stream_at: int) -> bytes:
    """The dictionary of the stream starting at `stream_at`: from its `obj` to the keyword."""
    before = data[max(0, stream_at - 4096):stream_at]
    return _names(before[before.rfind(b"obj") + 3:] if b"obj" in before else before)
