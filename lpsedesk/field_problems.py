"""An entry refused for its fields, each with a machine code ({"nik": "nik_region"}): the screens say
each code in the user's language beside its field, and a batch import names each row's problems."""
from __future__ import annotations


class FieldProblems(ValueError):
    """`.fields` maps a field name to an error code."""

    def __init__(self, fields: dict[str, str]) -> None:
        super().__init__(", ".join(f"{k}={v}" for k, v in fields.items()))
        self.fields = fields
