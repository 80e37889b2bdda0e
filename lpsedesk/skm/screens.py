"""What the survey screens show, in one language: each element's question (the Admin's wording)
and its four answer words, and the education choices. Read once per page."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from .answers import question_texts
from .elements import EDUCATION, ELEMENTS, education_label

FACES = ("very-sad", "sad", "happy", "very-happy")  # one drawing per score 1..4


@dataclass(frozen=True)
class Question:
    key: str
    code: str
    number: int
    name: str
    text: str
    answers: tuple[tuple[int, str, str], ...]  # (score, words, face)


def questions(session: Session, locale: str) -> list[Question]:
    english = str(locale).startswith("en")
    texts = question_texts(session)
    return [Question(e.key, e.code, e.number, e.name(locale), texts[e.key][1 if english else 0],
                     tuple((score, words, FACES[score - 1]) for score, words in enumerate(e.answers(locale), 1)))
            for e in ELEMENTS]


def education_choices(locale: str) -> list[tuple[str, str]]:
    return [(key, education_label(key, locale)) for key in EDUCATION]
