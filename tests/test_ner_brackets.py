"""Bracket-annotated news sentences → CoNLL tokens and tags."""

import pytest

from gundem_tools.ner.brackets import BracketError, parse_line


def test_suffix_after_bracket_stays_on_the_word():
    sent = parse_line("[GPE ANKARA] ([ORG AA]) - [PERSON Kim Jong-un]’a [ORG NATO]'dan mektup.")
    assert sent == [
        ("ANKARA", "B-GPE"),
        ("(", "O"),
        ("AA", "B-ORG"),
        (")", "O"),
        ("-", "O"),
        ("Kim", "B-PERSON"),
        ("Jong-un’a", "I-PERSON"),
        ("NATO'dan", "B-ORG"),
        ("mektup", "O"),
        (".", "O"),
    ]


def test_quotes_and_plain_sentences():
    assert parse_line("“[NORP Türk] çiftçiler” dedi.")[1] == ("Türk", "B-NORP")
    assert all(t == "O" for _, t in parse_line("İstikrar için sabır gerekiyor."))


@pytest.mark.parametrize(
    "bad",
    ["[PER Ahmet] geldi.", "[GPE Ankara geldi.", "Ank[GPE ara] geldi."],
)
def test_bad_lines_are_refused(bad):
    with pytest.raises(BracketError):
        parse_line(bad)
