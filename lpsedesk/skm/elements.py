"""The nine elements (unsur) of the SKM, in the regulation's order, with the standard questionnaire's
questions and answer words (Lampiran PermenPANRB No. 14 Tahun 2017).

The list and its order are fixed by the regulation; only the question texts may be reworded by the
Admin (lpsedesk/skm/questions.py). Answer words come in both languages because the kiosk speaks
either; the Indonesian words are those of the questionnaire.
"""
from __future__ import annotations

from dataclasses import dataclass

SCORES = (1, 2, 3, 4)


@dataclass(frozen=True)
class Element:
    key: str
    number: int  # U1..U9
    name_id: str
    name_en: str
    question_id: str
    question_en: str
    # Answer words for scores 1..4.
    answers_id: tuple[str, str, str, str]
    answers_en: tuple[str, str, str, str]

    @property
    def code(self) -> str:
        return f"U{self.number}"

    def name(self, locale: str) -> str:
        return self.name_en if str(locale).startswith("en") else self.name_id

    def answers(self, locale: str) -> tuple[str, str, str, str]:
        return self.answers_en if str(locale).startswith("en") else self.answers_id


_SESUAI_ID = ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")
_SESUAI_EN = ("Not appropriate", "Less appropriate", "Appropriate", "Very appropriate")

ELEMENTS: tuple[Element, ...] = (
    Element("persyaratan", 1, "Persyaratan", "Requirements",
            "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
            "How well do the service's requirements fit the kind of service?",
            _SESUAI_ID, _SESUAI_EN),
    Element("prosedur", 2, "Sistem, Mekanisme, dan Prosedur", "Systems, mechanisms and procedures",
            "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
            "How easy are the service procedures of this office?",
            ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
            ("Not easy", "Less easy", "Easy", "Very easy")),
    Element("waktu", 3, "Waktu Penyelesaian", "Completion time",
            "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
            "How fast was the service given?",
            ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
            ("Not fast", "Less fast", "Fast", "Very fast")),
    Element("biaya", 4, "Biaya/Tarif", "Cost/tariff",
            "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
            "How fair is the cost or tariff of the service?",
            ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
            ("Very expensive", "Fairly expensive", "Cheap", "Free")),
    Element("produk", 5, "Produk Spesifikasi Jenis Pelayanan", "Service products and specifications",
            "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam "
            "standar pelayanan dengan hasil yang diberikan?",
            "How well does what you received match the product named in the service standard?",
            _SESUAI_ID, _SESUAI_EN),
    Element("kompetensi", 6, "Kompetensi Pelaksana", "Staff competence",
            "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
            "How competent were the staff who served you?",
            ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
            ("Not competent", "Less competent", "Competent", "Very competent")),
    Element("perilaku", 7, "Perilaku Pelaksana", "Staff conduct",
            "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
            "How polite and friendly were the staff?",
            ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"),
            ("Not polite or friendly", "Less polite and friendly", "Polite and friendly",
             "Very polite and friendly")),
    Element("pengaduan", 8, "Penanganan Pengaduan, Saran dan Masukan", "Handling of complaints and suggestions",
            "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
            "How are the complaints of service users handled?",
            ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"),
            ("There is none", "There is one, but it does not work", "It works, but not fully",
             "Well managed")),
    Element("sarana", 9, "Sarana dan Prasarana", "Facilities and infrastructure",
            "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
            "How good are the facilities and infrastructure?",
            ("Buruk", "Cukup", "Baik", "Sangat baik"),
            ("Poor", "Adequate", "Good", "Very good")),
)
KEYS: tuple[str, ...] = tuple(e.key for e in ELEMENTS)
BY_KEY = {e.key: e for e in ELEMENTS}

# The questionnaire's education levels (the only profile question the kiosk asks).
EDUCATION = ("sd", "smp", "sma", "diploma", "s1", "s2", "s3")
EDUCATION_LABELS = {
    "id": {"sd": "SD ke bawah", "smp": "SMP", "sma": "SMA/SMK", "diploma": "D1-D3", "s1": "D4/S1",
           "s2": "S2", "s3": "S3"},
    "en": {"sd": "Primary school or less", "smp": "Junior high school", "sma": "Senior high school",
           "diploma": "Diploma (D1-D3)", "s1": "Bachelor (D4/S1)", "s2": "Master (S2)", "s3": "Doctorate (S3)"},
}


def education_label(key: str | None, locale: str = "id") -> str:
    labels = EDUCATION_LABELS["en" if str(locale).startswith("en") else "id"]
    return labels.get(key or "", "")
