"""Strings from the data never act as rich markup or terminal control codes (issue 11, point 7).

The store holds one article whose title, quote, source, outlet, entity, event and story carry
``[/x]`` (a closing tag that made rich raise MarkupError), ``[link=…]`` (a terminal hyperlink),
an ESC colour sequence and a newline. Every command prints them literally, on one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from gundem.cli import app
from gundem.model import Article, Entity, Event, Quote, Story, content_id
from gundem.store.db import Store

runner = CliRunner()

HOSTILE = "Sel[/x] [link=http://kotu.example]tıkla[/link] \x1b[31mkırmızı\nikinci satır"
SPEAKER = "Ayşe[/x] Yıldırım"
TEXT = (
    f"Karadeniz’de {HOSTILE} uyarısı yapıldı.\n\n"
    f"Vali Ayşe Yıldırım, “Sel bölgesinde {HOSTILE} her önlemi aldık” dedi.\n\n"
    "Ekipler köprü çevresinde çalışmalarını sürdürüyor."
)


def _article() -> Article:
    a = Article(
        id=content_id("terminal" + TEXT), source="haber[/x]\n\x1b[31m.txt", text=TEXT,
        title=f"Rize’de {HOSTILE}", outlet="Kent[/x]:fire:Haber", url="http://kotu.example/[/x]",
        published="2026-03-04", published_from="header", language="tr", format="text",
    )  # fmt: skip
    start = TEXT.index("Ayşe Yıldırım")
    a.entities.append(Entity(name=SPEAKER, type="PERSON", aliases=["Vali [link=http://kotu.example]Ayşe[/link]"],
                             mentions=[(start, start + 13)], id=content_id("PERSON:" + SPEAKER),
                             roles=["Vali\x1b[31m[/x]"]))  # fmt: skip
    q = f"Sel bölgesinde {HOSTILE} her önlemi aldık"
    qs = TEXT.index(q)
    a.quotes.append(
        Quote(speaker=SPEAKER, text=q, kind="direct", cue="dedi[/x]", start=qs, end=qs + len(q))
    )
    return a


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Article, Story]:
    db = str(tmp_path_factory.mktemp("hostile") / "g.duckdb")
    a = _article()
    a.event_id, a.story_id = "ev0000000001", "st0000000001"
    ev = Event(id=a.event_id, date="2026-03-04", date_from="articles", place="Rize[/x]",
               participants=[SPEAKER], headline=HOSTILE,
               summary=[{"sentence": TEXT.split("\n\n")[0], "article_id": a.id}],
               article_ids=[a.id], story_id=a.story_id)  # fmt: skip
    st = Story(id=a.story_id, title=f"Karadeniz {HOSTILE}", event_ids=[ev.id],
               timeline=[{"event_id": ev.id, "date": ev.date, "headline": HOSTILE}],
               conflicts=[{"unit": "kişi[/x]", "values": [3, 5]}])  # fmt: skip
    with Store(db) as s:
        s.add_articles([a])
        s.put_events([ev])
        s.put_stories([st])
        s.add_error(f"yok[/]\n{HOSTILE}.txt", "unreadable", f"bozuk {HOSTILE}")
    return db, a, st


def _out(*args: str) -> str:
    res = runner.invoke(app, list(args), env={"COLUMNS": "1000"})
    assert res.exit_code == 0, (res.output, res.exception)
    return res.output


def _literal(out: str, *needles: str) -> None:
    """Markup stayed text, ESC never reached the output (it was made visible)."""
    assert "\x1b" not in out
    for n in needles:
        assert n in out, (n, out)


def test_show_prints_hostile_title_source_and_text_literally(hostile_db) -> None:
    db, a, _ = hostile_db
    out = _out("show", a.id, "--db", db)
    _literal(out, "Rize’de Sel[/x] [link=http://kotu.example]tıkla[/link] \\x1b[31mkırmızı\\nikinci",
             "haber[/x]\\n\\x1b[31m.txt", "Kent[/x]:fire:Haber")  # fmt: skip
    assert "ikinci satır uyarısı" in out  # the article text keeps its own line breaks


def test_search_events_stories_story_print_hostile_titles(hostile_db) -> None:
    db, a, st = hostile_db
    _literal(
        _out("search", "uyarısı", "--db", db),
        "[link=http://kotu.example]tıkla[/link]",
        "Kent[/x]:fire:Haber",
    )
    _literal(_out("search", "uyarısı", "--articles", "--db", db), "Sel[/x]")
    _literal(_out("events", "--db", db), "Sel[/x] [link=http://kotu.example]", "\\x1b[31mkırmızı\\nikinci",
             "Rize[/x]")  # fmt: skip
    _literal(_out("stories", "--singles", "--db", db), "Karadeniz Sel[/x]")
    _literal(_out("story", st.id, "--db", db), "Karadeniz Sel[/x]", "kişi[/x]", "\\x1b[31mkırmızı")


def test_entities_entity_quotes_print_hostile_names(hostile_db) -> None:
    db, _, _ = hostile_db
    _literal(_out("entities", "--db", db), SPEAKER, "Vali [link=http://kotu.example]Ayşe[/link]")
    _literal(
        _out("entity", SPEAKER, "--db", db),
        "Rize’de Sel[/x]",
        "Vali\\x1b[31m[/x]",
        "Kent[/x]:fire:Haber",
    )
    out = _out("quotes", "--db", db)
    _literal(
        out, SPEAKER, "dedi[/x]", "[link=http://kotu.example]tıkla[/link] \\x1b[31mkırmızı\\nikinci"
    )


def test_errors_and_report_lines_print_hostile_names(hostile_db, tmp_path: Path) -> None:
    db, _, _ = hostile_db
    _literal(
        _out("errors", "--db", db), "yok[/]\\nSel[/x]", "bozuk Sel[/x] [link=http://kotu.example]"
    )
    out = _out("report", "--db", db, "--out", str(tmp_path / "rapor[/x].html"))
    _literal(out, "rapor[/x].html")


def test_ask_prints_cited_sentence_literally(hostile_db, monkeypatch: pytest.MonkeyPatch) -> None:
    import gundem.ask as ask_pkg
    from gundem.ask.answer import Answer

    db, a, _ = hostile_db
    sent = f"Vali {HOSTILE} dedi."
    fake = Answer(
        [{"text": sent, "citations": [{"article_id": a.id, "sentence": sent}]}], "what", True, "?"
    )
    monkeypatch.setattr(ask_pkg, "answer", lambda *_a, **_k: fake)
    _literal(_out("ask", "Rize’de ne oldu?", "--db", db), "Vali Sel[/x] [link=http://kotu.example]tıkla[/link]",
             "\\x1b[31mkırmızı")  # fmt: skip


def test_run_error_lines_escape_markup_and_newlines(tmp_path: Path) -> None:
    """A failing URL and a missing file with ``[/]``, an unreadable file with a newline in its
    name: one escaped line each, and the good document is stored (exit 0)."""
    good = tmp_path / "iyi.txt"
    good.write_text("Rize’de sel uyarısı\n\nValilik ekiplerin bölgede çalıştığını açıkladı. "
                    "Yollar akşam saatlerinde yeniden açıldı.\n", encoding="utf-8")  # fmt: skip
    bad = tmp_path / "kötü\nad[red].txt"
    bad.write_bytes(b"")
    missing = str(tmp_path / "yok[/]dosya.txt")
    url = "http://127.0.0.1:9/haber[/]sel"  # the discard port: refused at once
    res = runner.invoke(app, ["run", str(good), str(bad), missing, url, "--db", str(tmp_path / "r.duckdb"),
                              "-w", "1", "--no-link", "--delay", "0"], env={"COLUMNS": "1000"})  # fmt: skip
    assert res.exit_code == 0, (res.output, res.exception)
    lines = [ln for ln in res.output.splitlines() if ln.startswith("skipped")]
    assert len(lines) == 3, res.output
    assert any("yok[/]dosya.txt" in ln for ln in lines) and any(url in ln for ln in lines)
    assert any("kötü\\nad[red].txt" in ln for ln in lines)


def test_ner_missing_file_name_printed_literally(tmp_path: Path) -> None:
    res = runner.invoke(
        app, ["ner", str(tmp_path / "yok[/x]\x1b[31m.conll")], env={"COLUMNS": "1000"}
    )
    assert (
        res.exit_code == 2 and "yok[/x]\\x1b[31m.conll" in res.output and "\x1b" not in res.output
    )
