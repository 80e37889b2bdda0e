"""A request letter's PDF cannot hide its JavaScript in an object stream the check does not read
(sec3's outside probe). README: a letter that says it is a PDF must be one, without JavaScript, open
or launch actions or embedded files. Object streams hold dictionaries that a reader parses like any
other; the check searched only those packed with Flate, so the same /JavaScript name tree kept as
plain text, or packed as ASCIIHex or ASCII85, was let through. Now a plain object stream is searched
as it is, and one packed in a way the check does not undo is refused with a message."""
from __future__ import annotations

import base64
import binascii
import zlib

import pytest

from admin.remote.letters import LetterError, clean_letter
from lpsedesk import pdf_check

from .test_remote_letter_pdf import scanned_letter

# The catalog names a name tree (nothing active outside); the tree and the script are in object 3.
HIDDEN = b"5 0 4 40 << /JavaScript << /Names [(x) 4 0 R] >> >> << /S /JavaScript /JS (app.alert(1)) >>"


def letter_with_object_stream(filters: bytes, packed: bytes) -> bytes:
    head = b"/Type /ObjStm /N 2 /First 10 " + (b"/Filter " + filters + b" " if filters else b"")
    return (b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R /Names 5 0 R >> endobj\n"
            b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
            b"3 0 obj << " + head + b"/Length %d >>\nstream\n" % len(packed) + packed + b"\nendstream\nendobj\n"
            b"trailer << /Root 1 0 R >>\n%%EOF\n")


def test_a_script_in_a_plain_object_stream_is_found():
    with pytest.raises(pdf_check.PdfProblem) as refused:
        pdf_check.check_pdf(letter_with_object_stream(b"", HIDDEN))
    assert refused.value.code == "active_content"


@pytest.mark.parametrize("filters,packed", [
    (b"/ASCIIHexDecode", binascii.hexlify(HIDDEN) + b">"),
    (b"/ASCII85Decode", base64.a85encode(HIDDEN) + b"~>"),
    (b"[/FlateDecode /ASCII85Decode]", base64.a85encode(zlib.compress(HIDDEN)) + b"~>"),
], ids=["asciihex", "ascii85", "flate-then-ascii85"])
def test_an_object_stream_packed_in_a_way_the_check_cannot_read_is_refused(filters, packed):
    with pytest.raises(LetterError) as refused:
        clean_letter(letter_with_object_stream(filters, packed))
    assert refused.value.code == "unchecked_pdf"


def test_flate_object_streams_and_plain_letters_are_read_as_before():
    with pytest.raises(pdf_check.PdfProblem) as refused:
        pdf_check.check_pdf(letter_with_object_stream(b"/FlateDecode", zlib.compress(HIDDEN)))
    assert refused.value.code == "active_content"
    innocent = HIDDEN.replace(b"/JavaScript", b"/Dests").replace(b"/JS", b"/D").replace(b"/S ", b"/T ")
    pdf_check.check_pdf(letter_with_object_stream(b"/FlateDecode", zlib.compress(innocent)))
    pdf_check.check_pdf(letter_with_object_stream(b"", innocent))
    assert clean_letter(scanned_letter())[1] == "application/pdf"


def test_the_message_says_what_to_do(app):
    from admin.remote.messages import input_message

    with app.test_request_context(headers={"Accept-Language": "id"}):
        assert "Pindai ulang surat" in input_message("unchecked_pdf")


def test_an_object_stream_that_does_not_inflate_is_refused():
    """An encrypted PDF's streams are ciphertext: a Flate object stream there cannot be searched."""
    ciphertext = bytes((i * 73 + 41) % 256 for i in range(400))
    with pytest.raises(pdf_check.PdfProblem) as refused:
        pdf_check.check_pdf(letter_with_object_stream(b"/FlateDecode", ciphertext)
                            .replace(b"trailer << /Root", b"trailer << /Encrypt 9 0 R /Root"))
    assert refused.value.code == "unchecked"
