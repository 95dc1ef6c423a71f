"""One date rule for the command line and the API (gundem/periods.py): YYYY, YYYY-MM or
YYYY-MM-DD naming a real year, month or day; an impossible date is a clear error (exit 2 on
the command line, 422 from the API), never an empty answer."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from gundem.cli import app
from gundem.model import Article, Event, Story
from gundem.periods import in_period, is_date, last_day, overlaps, period_problem
from gundem.serve.api import create_app
from gundem.store.db import Store

runner = CliRunner()


@pytest.mark.parametrize("value", ["2025", "2025-02", "2024-02-29", "2026-12-31"])
def test_real_dates(value: str) -> None:
    assert is_date(value)


@pytest.mark.parametrize("value", ["2025-13", "2025-00", "2023-02-29", "2025-04-31", "2025-1",
                                   "25-01-01", "dün", "2025-01-01T10:00", ""])  # fmt: skip
def test_not_dates(value: str) -> None:
    assert not is_date(value)


def test_period_problem_names_the_parameter() -> None:
    assert period_problem("2025-13", None, ("date_from", "date_to")) == (
        "date_from '2025-13' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"
    )
    assert "--to" in (period_problem(None, "2024-02-30") or "")
    assert period_problem("2025-03", "2025-02") == "--from 2025-03 is after --to 2025-02"
    assert period_problem("2025-02", "2025-02") is None  # a month is from its first to last day
    assert last_day("2024-02").isoformat() == "2024-02-29"


def test_in_period_and_overlaps() -> None:
    assert in_period("2025-03-31T23:10:00+03:00", "2025-03", "2025-03")
    assert not in_period("2025-04-01", None, "2025-03")
    assert not in_period(None, "2025", None) and in_period(None, None, None)
    assert overlaps("2025-02-20", "2025-03-02", "2025-03-01", None)
    assert not overlaps("2025-02-20", "2025-02-27", "2025-03", "2025-03")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("dates") / "d.duckdb")
    arts = [
        Article(id="k1", source="k1.txt", title="Konya'da şeker pancarı hasadı başladı",
                text="Konya Ovası'nda şeker pancarı hasadı başladı. Üreticiler rekolteden memnun.",
                outlet="Ova Postası", published="2025-09-14", language="tr", event_id="ev-hasat",
                story_id="st-tarim"),
        Article(id="k2", source="k2.txt", title="Pancar alım fiyatı açıklandı",
                text="Şeker fabrikası pancar alım fiyatını ton başına açıkladı. Çiftçiler toplantı yaptı.",
                outlet="Anadolu Tarım", published="2025-10-02T09:30:00+03:00", language="tr",
                event_id="ev-fiyat", story_id="st-tarim"),
        Article(id="k3", source="k3.txt", title="Trabzon'da fındık toplama sürüyor",
                text="Trabzon'da fındık toplama mesaisi sürüyor. Yağmur işçileri zorladı.",
                outlet="Karadeniz Gündem", published="2024-08-20", language="tr",
                event_id="ev-findik", story_id="st-findik"),
    ]  # fmt: skip
    events = [
        Event("ev-hasat", "2025-09-14", headline="Konya'da pancar hasadı", article_ids=["k1"],
              story_id="st-tarim"),
        Event("ev-fiyat", "2025-10-02", headline="Pancar alım fiyatı", article_ids=["k2"],
              story_id="st-tarim"),
        Event("ev-findik", "2024-08-20", headline="Fındık hasadı", article_ids=["k3"],
              story_id="st-findik"),
    ]  # fmt: skip
    stories = [
        Story("st-tarim", "Pancar sezonu", ["ev-hasat", "ev-fiyat"],
              timeline=[{"date": "2025-09-14", "event_id": "ev-hasat"},
                        {"date": "2025-10-02", "event_id": "ev-fiyat"}]),
        Story("st-findik", "Fındık sezonu", ["ev-findik"],
              timeline=[{"date": "2024-08-20", "event_id": "ev-findik"}]),
    ]  # fmt: skip
    with Store(path) as st:
        st.add_articles(arts)
        st.put_events(events)
        st.put_stories(stories)
    return path


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    return TestClient(create_app(db), base_url="http://127.0.0.1")


@pytest.mark.parametrize("path", ["/api/search?q=pancar", "/api/articles", "/api/top/stories",
                                  "/api/top/events"])  # fmt: skip
@pytest.mark.parametrize("query", ["date_from=2025-13", "date_to=2025-02-30", "date_from=2023-02-29",
                                   "date_from=2025-10&date_to=2025-09"])  # fmt: skip
def test_api_rejects_impossible_dates(client: TestClient, path: str, query: str) -> None:
    sep = "&" if "?" in path else "?"
    r = client.get(f"{path}{sep}{query}")
    assert r.status_code == 422, r.text
    detail = r.json()["detail"]
    assert isinstance(detail, str) and ("not a date" in detail or "is after" in detail)
    assert query.split("=")[1].split("&")[0] in detail


def test_api_takes_real_dates(client: TestClient) -> None:
    r = client.get("/api/articles?date_from=2025-09&date_to=2025-10-02")
    assert r.status_code == 200 and {a["id"] for a in r.json()["items"]} == {"k1", "k2"}
    assert client.get("/api/top/events?date_from=2024-02-29").status_code == 200


def _cli(*args: str) -> tuple[int, str]:
    res = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    return res.exit_code, res.output


@pytest.mark.parametrize("cmd", ["events", "stories"])
@pytest.mark.parametrize("dates", [["--from", "2025-13"], ["--to", "2025-09-31"],
                                   ["--from", "2025-10", "--to", "2025-09"]])  # fmt: skip
def test_events_and_stories_check_dates(db: str, cmd: str, dates: list[str]) -> None:
    code, out = _cli(cmd, "--db", db, "--singles" if cmd == "stories" else "--json", *dates)
    assert code == 2
    lines = [ln for ln in out.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and dates[-1] in lines[0]


def test_events_from_to(db: str) -> None:
    code, out = _cli("events", "--db", db, "--json", "--from", "2025-10")
    assert code == 0 and [e["id"] for e in json.loads(out)] == ["ev-fiyat"]
    code, out = _cli("events", "--db", db, "--json", "--to", "2024")
    assert code == 0 and [e["id"] for e in json.loads(out)] == ["ev-findik"]


def test_stories_from_to_keep_overlapping_stories(db: str) -> None:
    # the pancar story runs 14 Sep – 2 Oct 2025: October meets it, August 2024 does not
    code, out = _cli("stories", "--db", db, "--singles", "--json", "--from", "2025-10")
    assert code == 0 and [s["id"] for s in json.loads(out)] == ["st-tarim"]
    code, out = _cli("stories", "--db", db, "--singles", "--json", "--to", "2024-12")
    assert code == 0 and [s["id"] for s in json.loads(out)] == ["st-findik"]
