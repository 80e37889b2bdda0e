"""A plain greyscale PNG put into the PDF as it is stored (issue 16).

A PNG's image data is zlib-compressed rows, each with its PNG filter byte in front: exactly what a
PDF image stream holds with `/FlateDecode` and `/DecodeParms << /Predictor 15 >>` (PDF 1.2). So
the stored signatures of a busy month's guest book go into the PDF without being decoded, turned
into raw pixels and compressed again, which was most of what a signed row cost once the small copy
was read instead of the full signature. Anything but 8-bit greyscale, non-interlaced, with no chunk
besides IHDR, IDAT and IEND (a palette, transparency or gamma would change what is drawn) is not
taken: the caller decodes it as before.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass

from reportlab.lib.utils import _digester
from reportlab.pdfbase import pdfdoc

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PLAIN_GREY = (8, 0, 0, 0, 0)  # bit depth, colour type (grey), compression, filter method, interlace


@dataclass(frozen=True)
class PlainPng:
    width: int
    height: int
    data: bytes  # the IDAT chunks' contents, joined
    name: str  # digest of the file: the same picture is put into the document once

    def getSize(self) -> tuple[int, int]:  # as ImageReader
        return self.width, self.height


def plain_png(data: bytes) -> PlainPng | None:
    """`data` as a PlainPng when it is a plain 8-bit greyscale PNG, else None."""
    if not data.startswith(PNG_SIGNATURE):
        return None
    header, parts, pos = None, [], len(PNG_SIGNATURE)
    while pos + 8 <= len(data):
        length, kind = struct.unpack_from(">I4s", data, pos)
        body = data[pos + 8:pos + 8 + length]
        if len(body) != length:
            return None  # cut short
        if kind == b"IHDR" and length == 13:
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            parts.append(body)
        elif kind == b"IEND":
            break
        else:
            return None
        pos += 12 + length  # length, type, body, CRC
    else:
        return None  # no IEND
    if header is None or not parts or header[2:] != PLAIN_GREY or not header[0] or not header[1]:
        return None
    return PlainPng(header[0], header[1], b"".join(parts), _digester(data))


class _PngImage(pdfdoc.PDFImageXObject):
    """The image XObject of a PlainPng: its compressed rows as they are, with the PNG predictor."""

    def __init__(self, png: PlainPng) -> None:  # noqa: D107 - the base class would read a file
        self.name, self.width, self.height = png.name, png.width, png.height
        self.bitsPerComponent, self.colorSpace, self.mask = 8, "DeviceGray", None
        self.streamContent = png.data

    def format(self, document):
        stream = pdfdoc.PDFStream(content=self.streamContent)
        d = stream.dictionary
        d["Type"], d["Subtype"] = pdfdoc.PDFName("XObject"), pdfdoc.PDFName("Image")
        d["Width"], d["Height"], d["BitsPerComponent"] = self.width, self.height, 8
        d["ColorSpace"] = pdfdoc.PDFName("DeviceGray")
        # One filter, named alone: with a filter array poppler wants the parameters in an array too
        # and otherwise ignores them. Set here, so the stream adds no filter of its own.
        d["Filter"] = pdfdoc.PDFName("FlateDecode")
        d["DecodeParms"] = pdfdoc.PDFDictionary({"Predictor": 15, "Colors": 1, "BitsPerComponent": 8,
                                                 "Columns": self.width})
        return stream.format(document)


def draw_png(canv, png: PlainPng, x: float, y: float, width: float, height: float) -> None:
    """What `canv.drawImage` does for a picture, for a PlainPng."""
    canv._currentPageHasImages = 1
    doc = canv._doc
    registered = doc.getXObjectName(png.name)
    if not doc.idToObject.get(registered):
        image = _PngImage(png)
        canv._setXObjects(image)
        doc.Reference(image, registered)
        doc.addForm(png.name, image)
    canv.saveState()
    canv.translate(x, y)
    canv.scale(width, height)
    canv._code.append(f"/{registered} Do")
    canv.restoreState()
    canv._formsinuse.append(png.name)
