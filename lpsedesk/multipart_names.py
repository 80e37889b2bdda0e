"""A multipart body whose part headers are not UTF-8 is read whole, its file named as well as it can be.

Werkzeug decodes each part's headers as strict UTF-8; a file name in other bytes (a script, an old
browser sending its own code page) raised a ValueError that Werkzeug takes for "not a form" and
answers with an empty one: the CSRF check then said "the form has expired", and everything typed on
the form was gone (h43p). Here such a header is decoded with U+FFFD in place of what is unreadable, so
every field arrives and the form says beside its file field that the name could not be read.
"""
from __future__ import annotations

from werkzeug.datastructures import FileStorage, Headers
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.formparser import MultiPartParser
from werkzeug.sansio.multipart import Data, Epilogue, Field, File, MultipartDecoder, NeedData

try:
    from werkzeug.formparser import _chunk_iter
except ImportError:  # a later Werkzeug moved its private helper: the desk must still start
    _chunk_iter = None

# Whether the parser below can run on the Werkzeug installed; when not, form_limits uses Werkzeug's own
# (a name in other bytes then empties the form again, as before h43p, but every other upload works).
AVAILABLE = _chunk_iter is not None and hasattr(MultipartDecoder, "_parse_headers")

UNREADABLE = "\ufffd"


def unreadable_name(upload: FileStorage | None) -> bool:
    """Whether a chosen file's name came in bytes that are not UTF-8 (or as U+FFFD itself)."""
    return bool(upload and upload.filename and UNREADABLE in upload.filename)


class _NamesAsSent(MultipartDecoder):
    def _parse_headers(self, data: bytes | bytearray) -> Headers:
        try:
            return super()._parse_headers(data)
        except UnicodeDecodeError:
            return super()._parse_headers(bytes(data).decode("utf-8", "replace").encode("utf-8"))


class NamesAsSentParser(MultiPartParser):
    """Werkzeug 3.1's MultiPartParser.parse with the decoder above: Werkzeug names its decoder inside
    that method, with no hook to give it another. Every bound of the original is kept (parts, memory)."""

    def parse(self, stream, boundary: bytes, content_length: int | None):
        decoder = _NamesAsSent(boundary, max_form_memory_size=self.max_form_memory_size,
                               max_parts=self.max_form_parts)
        fields, files = [], []
        for data in _chunk_iter(stream.read, self.buffer_size):
            decoder.receive_data(data)
            event = decoder.next_event()
            while not isinstance(event, (Epilogue, NeedData)):
                if isinstance(event, Field):
                    part, size, container = event, 0, []
                    write = container.append
                elif isinstance(event, File):
                    part, size = event, None
                    container = self.start_file_streaming(event, content_length)
                    write = container.write
                elif isinstance(event, Data):
                    if self.max_form_memory_size is not None and size is not None:
                        size += len(event.data)
                        if size > self.max_form_memory_size:
                            raise RequestEntityTooLarge()
                    write(event.data)
                    if not event.more_data:
                        if isinstance(part, Field):
                            fields.append((part.name, b"".join(container).decode(
                                self.get_part_charset(part.headers), "replace")))
                        else:
                            container.seek(0)
                            files.append((part.name, FileStorage(container, part.filename, part.name,
                                                                 headers=part.headers)))
                event = decoder.next_event()
        return self.cls(fields), self.cls(files)
