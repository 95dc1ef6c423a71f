"""Ask the news: Turkish questions answered from the corpus, every sentence cited."""

from gundem.ask.answer import NOT_FOUND, Answer, answer
from gundem.ask.kinds import detect_kind, parse

__all__ = ["NOT_FOUND", "Answer", "answer", "detect_kind", "parse"]
