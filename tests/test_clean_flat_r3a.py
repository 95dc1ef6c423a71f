"""Flattened text: an ingredient list standing before the steps is kept (own texts)."""

from gundem.clean.boilerplate import clean_text

_PAGE = """Startseite
Rezepte
Kontakt

Apfelkuchen vom Blech

Zutaten:

250 g Weizenmehl

2 EL Zucker

1 TL Backpulver

125 ml Milch

3 Stück Äpfel

Den Backofen auf 180 Grad vorheizen und ein Blech mit Backpapier belegen, damit nichts anklebt.

Mehl, Zucker und Backpulver in einer großen Schüssel mischen, dann die Milch nach und nach unterrühren, bis ein glatter und weicher Teig entsteht, der sich gut auf dem Blech verstreichen lässt.

Die Äpfel schälen, entkernen und in dünne Spalten schneiden, anschließend dicht an dicht auf den Teig legen und den Kuchen etwa vierzig Minuten goldbraun backen, bis ein Stäbchen sauber herauskommt.

Impressum
Datenschutz
"""


def test_ingredient_list_before_steps_is_kept() -> None:
    result = clean_text(_PAGE)
    text = f"{result.title}\n{result.text}"  # a list line may be read as the title
    for line in ("250 g Weizenmehl", "2 EL Zucker", "125 ml Milch", "3 Stück Äpfel"):
        assert line in text
    assert "Datenschutz" not in text


def test_a_lone_amount_line_is_not_a_list() -> None:
    page = _PAGE.replace("2 EL Zucker", "Zucker").replace("1 TL Backpulver", "Backpulver")
    page = page.replace("125 ml Milch", "Milch").replace("3 Stück Äpfel", "Äpfel")
    text = clean_text(page).text
    assert "250 g Weizenmehl" not in text
