"""Label consistency across the sentences tagged together (one article, one batch).

A surname the batch names in full ("Özgür Özel ... Özel, ...") is that person where it
stands alone: a one-word span typed as a place or an organisation that no place list
knows becomes PERSON ("Yerlikaya'nın" GPE → PERSON), and a capitalised word the tagger
left out becomes PERSON when it cannot be anything else: not opening a sentence, or
opening it with a case suffix or a comma after it ("Pamuk, kitabı ..."). A first name
of a full name only corrects a type ("Şehriban öğretmen" GPE → PERSON).
"""

from __future__ import annotations

from gundem.ner.places import is_known_place
from gundem.ner.rules import _sentence_start, _spans, _word_info

_PLACE_OR_ORG = ("GPE", "LOC", "ORG")


def _names(sents: list[list[str]], tags: list[list[str]]) -> tuple[set[str], set[str]]:
    """Case-folded (surnames, first names) of the batch's multi-word persons."""
    last: set[str] = set()
    first: set[str] = set()
    for toks, tg in zip(sents, tags, strict=True):
        for a, b, typ in _spans(tg):
            if typ == "PERSON" and b - a >= 2:
                last.add(_word_info(toks[b - 1])[0])
                first.add(_word_info(toks[a])[0])
    bad = {n for n in last | first if len(n) < 3 or is_known_place(n)}
    return last - bad, first - bad - last


def _lone_capital(toks: list[str], tags: list[str], i: int) -> bool:
    """A capitalised word standing alone: no entity or capitalised word beside it."""
    tok = toks[i]
    if tags[i] != "O" or not tok[:1].isupper() or (len(tok) > 1 and tok[1:2].isupper()):
        return False
    if i > 0 and (
        tags[i - 1] != "O" or (toks[i - 1][:1].isupper() and not _sentence_start(toks, i - 1))
    ):
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else ""
    if nxt[:1].isupper():
        return False
    if _sentence_start(toks, i):
        return bool(_word_info(tok)[1]) or nxt == ","
    return True


def consistent(sents: list[list[str]], tags: list[list[str]]) -> list[list[str]]:
    """Tags with the batch's full names carried to their lone surnames."""
    last, first = _names(sents, tags)
    if not last and not first:
        return tags
    out = []
    for toks, tg in zip(sents, tags, strict=True):
        tg = list(tg)
        for a, b, typ in _spans(tg):
            low = _word_info(toks[a])[0]
            if b - a == 1 and typ in _PLACE_OR_ORG and (low in last or low in first):
                tg[a] = "B-PERSON"
        for i in range(len(toks)):
            if _word_info(toks[i])[0] in last and _lone_capital(toks, tg, i):
                tg[i] = "B-PERSON"
        out.append(tg)
    return out
