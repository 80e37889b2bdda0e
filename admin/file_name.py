"""The validator said beside a file field whose file came with a name the desk cannot read (h43p)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms.validators import StopValidation

from lpsedesk.multipart_names import unreadable_name


class ReadableFileName:
    """A file named in bytes that are not UTF-8 (lpsedesk/multipart_names.py) is refused beside its field:
    the name is what the staff see of a held letter and what tells a CSV from an XLSX."""

    message = _l("The file's name could not be read. Rename the file with letters and digits, then choose it again.")

    def __call__(self, form, field) -> None:
        if unreadable_name(field.data):
            raise StopValidation(str(self.message))
