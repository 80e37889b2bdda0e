"""A minimal Code 128 (code set B) renderer, so tests need no barcode package."""
from __future__ import annotations

import numpy as np

# Bar/space module widths for symbol values 0..106 (106 = stop, 7 elements).
_PATTERNS = (
    "212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 "
    "221312 231212 112232 122132 122231 113222 123122 123221 223211 221132 "
    "221231 213212 223112 312131 311222 321122 321221 312212 322112 322211 "
    "212123 212321 232121 111323 131123 131321 112313 132113 132311 211313 "
    "231113 231311 112133 112331 132131 113123 113321 133121 313121 211331 "
    "231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 "
    "314111 221411 431111 111224 111422 121124 121421 141122 141221 112214 "
    "112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 "
    "111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 "
    "214121 412121 111143 111341 131141 114113 114311 411113 411311 113141 "
    "114131 311141 411131 211412 211214 211232 2331112"
).split()
START_B = 104


def code128_modules(text: str) -> list[int]:
    """Module sequence (1 = bar, 0 = space) for printable ASCII text, quiet zones included."""
    values = [START_B] + [ord(c) - 32 for c in text]
    if any(v < 0 or v > 95 for v in values[1:]):
        raise ValueError("code set B covers printable ASCII only")
    check = (values[0] + sum(i * v for i, v in enumerate(values[1:], start=1))) % 103
    modules = [0] * 10
    for v in values + [check, 106]:
        for k, width in enumerate(_PATTERNS[v]):
            modules += [1 - k % 2] * int(width)
    return modules + [0] * 10


def render_code128(text: str, module_px: int = 3, height: int = 120) -> np.ndarray:
    """Grey image (uint8) of the symbol, black bars on white."""
    row = np.array(code128_modules(text), dtype=np.uint8)
    row = np.repeat(255 - row * 255, module_px)
    return np.tile(row, (height, 1))
