"""JSON bodies read strictly: a number no float can hold and nesting no form needs are bad requests.

Python's json module reads `1e400` as infinity and `Infinity`/`NaN` as floats, which then fail deep in
a rule (`int(inf)` raises OverflowError), and a body of a hundred thousand `[` ends in RecursionError:
both were 500s. Here they are a ValueError, which `request.get_json(silent=True)` turns into None, so
every JSON view answers them as it answers any body it cannot read (400 with a message).
"""
from __future__ import annotations

import json
import math
import re
from itertools import islice

from flask.json.provider import DefaultJSONProvider

# The deepest body a screen sends is an object of lists of objects (the survey's answers, a
# restricted visit's devices); a few dozen levels is far beyond any of them and far below the
# interpreter's recursion limit.
MAX_DEPTH = 32
# The fullest body (a visit with its devices list) holds a few dozen objects and arrays; 8 MB of `[],`
# is 2.6 million lists, +170 MB and 6.6 s of a core before the 400 (probe h18s). Brackets typed inside
# a text do not count, but so many that even a text could not hold them are refused unread.
MAX_CONTAINERS = 1_000
MAX_BRACKETS = 8 * MAX_CONTAINERS  # brackets in all, texts included
SURROGATE = re.compile("[\ud800-\udfff]")
# A key ends with a quote and a colon; a quote inside a text is escaped (`\"`), so a `\":` typed in a text
# is counted as a key too: never fewer keys than the body holds.
KEY_END = re.compile(rb'"\s*:')


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("number out of range")
    return value


def _no_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")


def _depth_within(text: str | bytes, limit: int, most: int = MAX_CONTAINERS,
                  brackets_at_most: int = MAX_BRACKETS) -> bool:
    """Opening brackets outside strings never nest deeper than `limit` nor number more than `most`
    (checked before parsing, so the parser's own recursion is never reached, nor millions of lists built)."""
    if isinstance(text, (bytes, bytearray)):
        text = text.decode("utf-8", "replace")
    brackets = text.count("[") + text.count("{")
    if brackets <= limit:  # the usual body (a signature is one long string)
        return True
    if brackets > brackets_at_most:
        return False
    depth, opened, in_string, escaped = 0, 0, False, False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            opened += 1
            if depth > limit or opened > most:
                return False
        elif ch in "]}":
            depth -= 1
    return True


def _whole_characters(value) -> bool:
    """No text in `value` holds half of a UTF-16 pair (h46f): JSON may write `\\ud800` alone, and
    Python's reader also lets the bytes of one through; it names no character, no database stores
    it, and the kiosk's guest book answered it with a 500. Such a body is read as no body, as
    not-UTF-8 bytes are."""
    if isinstance(value, str):
        return SURROGATE.search(value) is None
    if isinstance(value, dict):
        return all(_whole_characters(k) and _whole_characters(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_whole_characters(v) for v in value)
    return True


def more_keys_than(body: bytes, most: int) -> bool:
    """Whether the JSON `body`'s objects hold more than `most` keys in all, duplicates included (a
    duplicate key is parsed as any other before it replaces the first), counted unparsed (h48f)."""
    return len(list(islice(KEY_END.finditer(body), most + 1))) > most


def loads_strict(text: str | bytes, max_depth: int = MAX_DEPTH):
    if not _depth_within(text, max_depth):
        raise ValueError("JSON nested too deeply or holding too many objects and arrays")
    value = json.loads(text, parse_float=_finite, parse_constant=_no_constant)
    if not _whole_characters(value):  # containers are bounded above, so this walk is too
        raise ValueError("JSON text holding half of a character")
    return value


class StrictJSONProvider(DefaultJSONProvider):
    def loads(self, s: str | bytes, **kwargs):
        return loads_strict(s)
