"""Synthetic, deterministic test material for the ID capture engine (no real people)."""
from .code128 import code128_modules, render_code128
from .ktp import CARD_H, CARD_W, render_ktp, render_ktp_pil
from .people import Person, make_nik, make_person
from .scenes import (FRAME_H, FRAME_W, NEGATIVE_KINDS, add_glare_at, background, code128_scene, degrade,
                     negative_scene, place_in_scene, qr_scene)

__all__ = [
    "CARD_H", "CARD_W", "FRAME_H", "FRAME_W", "NEGATIVE_KINDS", "Person", "add_glare_at", "background",
    "code128_modules", "code128_scene", "degrade", "make_nik", "make_person", "negative_scene",
    "place_in_scene", "qr_scene", "render_code128", "render_ktp", "render_ktp_pil",
]
