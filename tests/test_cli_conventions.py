"""The command line's conventions (issue 16, item 9), one test each, on a small generated store
(``gundem_tools.gen.questions``: no pipeline run, built in about a second)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gundem import __version__
from gundem.cli import app
from gundem.model import Story
from gundem_tools.gen.questions import build, write_store

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
NEW_DAY = "2026-11-30"  # later than every generated date (2024, 2025)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    """40 meetings in one story (one article each), 10 figure topics, and a small newer story."""
    path = str(tmp_path_factory.mktemp("conv") / "conv.duckdb")
    arts, _qs, events, story = build(n_facts=40, n_topics=10)
    small = Story(id="story-small", title="Kıyı kentinde liman grevi", event_ids=[events[0].id],
                  timeline=[{"date": NEW_DAY, "event_id": events[0].id,
                             "headline": "Liman işçileri iş bıraktı"}])  # fmt: skip
    write_store(path, arts, events, [story, small])
    return path


def _ok(*args: str) -> str:
    res = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    return res.stdout


def test_version():
    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0 and res.stdout.strip() == f"gundem {__version__}"


LISTINGS = [
    ["entities"],
    ["entity", "Elena Morozova"],
    ["quotes"],
    ["events"],
    ["stories"],
    ["search", "görüştü"],
    ["errors"],
]


@pytest.mark.parametrize("cmd", LISTINGS, ids=lambda c: c[0])
def test_every_listing_speaks_json_jsonl_and_csv(db, cmd):
    rows = json.loads(_ok(*cmd, "--db", db, "--json"))
    assert isinstance(rows, list)
    assert json.loads(_ok(*cmd, "--db", db, "--format", "json")) == rows
    lines = [json.loads(x) for x in _ok(*cmd, "--db", db, "--format", "jsonl").splitlines()]
    assert lines == rows
    table = list(csv.DictReader(io.StringIO(_ok(*cmd, "--db", db, "--format", "csv"))))
    assert len(table) == len(rows)
    if cmd[0] != "errors":  # the generated store has no errors; every other listing has rows
        assert rows and set(table[0]) == set(rows[0])


def test_story_json_is_one_object(db):
    st = json.loads(_ok("story", "story-gen", "--db", db, "--json"))
    assert st["id"] == "story-gen" and len(st["timeline"]) == 40
    assert {"date", "headline", "summary"} <= set(st["timeline"][0])


def test_events_and_stories_sort_and_limit(db):
    stories = json.loads(_ok("stories", "--db", db, "--json", "--singles"))
    # importance by default: 40 articles over 4 outlets beat a newer story with none
    assert [s["id"] for s in stories] == ["story-gen", "story-small"]
    newest = json.loads(_ok("stories", "--db", db, "--json", "--singles", "--sort", "newest"))
    assert newest[0]["id"] == "story-small" and newest[0]["last"] == NEW_DAY
    assert len(json.loads(_ok("stories", "--db", db, "--json", "--singles", "-n", "1"))) == 1
    # one-event stories are listed only with --singles
    assert "story-small" not in _ok("stories", "--db", db, "--json")
    oldest = json.loads(_ok("events", "--db", db, "--json", "--sort", "oldest", "-n", "5"))
    assert len(oldest) == 5
    all_dates = sorted(
        e["date"] for e in json.loads(_ok("events", "--db", db, "--json", "-n", "99"))
    )
    assert [e["date"] for e in oldest] == all_dates[:5]
    newest_ev = json.loads(_ok("events", "--db", db, "--json", "--sort", "newest", "-n", "1"))
    assert newest_ev[0]["date"] == all_dates[-1]
    assert "40 events (showing 3; -n for more)" in _ok("events", "--db", db, "-n", "3")
    bad = runner.invoke(app, ["events", "--db", db, "--sort", "alfabe"])
    assert bad.exit_code == 2


def test_importance_weighs_outlets_articles_and_recency():
    from gundem.store.read import StoryTableRow, importance, sort_rows

    assert importance(5, 10, "2025-03-01", "2025-03-01") > importance(
        2, 10, "2025-03-01", "2025-03-01"
    )
    assert importance(3, 6, "2025-03-01", "2025-03-01") > importance(
        3, 6, "2025-01-01", "2025-03-01"
    )
    # a big old story stays above a small new one; undated counts as old
    assert importance(8, 20, "2024-01-01", "2025-03-01") > importance(
        1, 1, "2025-03-01", "2025-03-01"
    )
    assert importance(2, 2, None, "2025-03-01") < importance(2, 2, "2025-02-28", "2025-03-01")
    rows = [StoryTableRow("a", "Sel", 1, "2025-02-01", "2025-02-01", 0, 2, 1),
            StoryTableRow("b", "Deprem", 3, "2025-01-05", "2025-03-01", 2, 12, 6),
            StoryTableRow("c", "Seçim", 1, None, None, 0, 1, 1)]  # fmt: skip
    assert [r.id for r in sort_rows(rows, "importance")] == ["b", "a", "c"]
    assert [r.id for r in sort_rows(rows, "oldest")] == ["b", "a", "c"]
    assert [r.id for r in sort_rows(rows, "newest")] == ["b", "a", "c"]
    assert [r.id for r in sort_rows(rows, "articles")] == ["b", "a", "c"]


def test_quiet_run_prints_one_summary_line(tmp_path):
    folder = tmp_path / "girdi"
    folder.mkdir()
    (folder / "liman.txt").write_text(
        "Mersin limanında grev üçüncü gününde\n\nLiman işçileri ücret artışı talebiyle iş "
        "bıraktı. Sendika, görüşmelerin hafta sonu yeniden başlayacağını duyurdu.\n",
        encoding="utf-8",
    )
    (folder / "bos.txt").write_bytes(b"")
    (folder / "resim.txt").write_bytes(bytes(range(256)) * 8)
    res = runner.invoke(app, ["run", str(folder), "--db", str(tmp_path / "q.duckdb"), "-w", "1",
                              "-q", "--skip", "extract,link,index"])  # fmt: skip
    assert res.exit_code == 0, res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1, res.output
    assert re.search(r"3 read, 1 new, 0 duplicates, 2 errors \(binary 1, empty 1;", lines[0])


@pytest.mark.parametrize("dates", [["--from", "2018-13"], ["--to", "2024-02-30"],
                                   ["--from", "dün"], ["--from", "2025-03", "--to", "2025-02"]])  # fmt: skip
def test_bad_dates_one_line_and_exit_2(db, dates):
    res = runner.invoke(app, ["search", "görüştü", "--db", db, *dates])
    assert res.exit_code == 2
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and dates[-1] in lines[0]


def test_good_dates_pass(db):
    assert json.loads(_ok("search", "görüştü", "--db", db, "--json", "--from", "2024-02-29",
                          "--to", "2025"))  # fmt: skip


def _commands() -> list[list[str]]:
    from typer.main import get_command

    group = get_command(app)
    out = [[]]
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        subs = getattr(cmd, "commands", None)
        out += [[name, sub] for sub in subs] if subs else [[name]]
    return out


def test_no_type_after_flags_on_any_help_page():
    pages = _commands()
    assert len(pages) > 15
    for cmd in pages:
        out = _ok(*cmd, "--help")
        assert "<bool>" not in out, cmd


WRITERS = {"run", "demo"}


def test_read_only_commands_never_claim_to_create_a_database(tmp_path):
    assert "created if missing" in _ok("run", "--help")
    missing = str(tmp_path / "yok.duckdb")
    args = {"entity": ["X"], "story": ["X"], "show": ["X"], "search": ["X"], "ask": ["X?"]}
    for cmd in _commands():
        if not cmd or cmd[0] in WRITERS or "--db" not in _ok(*cmd, "--help"):
            continue
        assert "created if missing" not in _ok(*cmd, "--help"), cmd
        res = runner.invoke(app, [*cmd, *args.get(cmd[0], []), "--db", missing])
        assert res.exit_code == 2, (cmd, res.output)
        assert res.output.strip().count("\n") == 0 and "no such database" in res.output, cmd
    assert not os.path.exists(missing)


def test_broken_pipe_exits_quietly(db):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = f"set -o pipefail; {sys.executable} -m gundem export --db {db} | head -1"
    done = subprocess.run(["bash", "-c", cmd], capture_output=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr == b""
    assert json.loads(done.stdout.decode())["id"]


def test_parquet_columns_are_typed(db, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    for what in ("articles", "events", "stories"):
        _ok(
            "export",
            "--db",
            db,
            "--what",
            what,
            "--format",
            "parquet",
            "--out",
            str(tmp_path / what),
        )
    arts = pq.read_table(tmp_path / "articles")
    ents = arts.schema.field("entities").type
    assert pa.types.is_list(ents) and pa.types.is_struct(ents.value_type)
    assert {"name", "type", "aliases"} <= {f.name for f in ents.value_type}
    assert pa.types.is_list(arts.schema.field("flags").type)  # empty everywhere: still a list
    assert pa.types.is_string(arts.schema.field("published").type)  # dates stay ISO strings
    claims = arts.schema.field("claims").type.value_type
    assert pa.types.is_floating(claims.field("value").type)
    events = pq.read_table(tmp_path / "events")
    assert events.schema.field("article_ids").type == pa.list_(pa.string())
    first = arts.to_pylist()[0]
    assert isinstance(first["entities"], list) and isinstance(first["entities"][0], dict)
    stories = pq.read_table(tmp_path / "stories")
    assert pa.types.is_list(stories.schema.field("timeline").type)


@pytest.mark.parametrize(("what", "key"), [("quotes", "quotes"), ("entities", "entities"),
                                           ("claims", "claims")])  # fmt: skip
def test_flat_exports_one_row_per_fact(db, tmp_path, what, key):
    arts = [json.loads(x) for x in _ok("export", "--db", db).splitlines()]
    rows = [json.loads(x) for x in _ok("export", "--db", db, "--what", what).splitlines()]
    assert len(rows) == sum(len(a[key]) for a in arts) > 0
    by_id = {a["id"]: a for a in arts}
    for r in rows:
        art = by_id[r["article_id"]]
        assert (r["outlet"], r["published"]) == (art["outlet"], art["published"])
    flat = list(
        csv.DictReader(io.StringIO(_ok("export", "--db", db, "--what", what, "--format", "csv")))
    )
    assert len(flat) == len(rows) and list(flat[0])[:3] == ["article_id", "outlet", "published"]
    out = tmp_path / f"{what}.parquet"
    _ok("export", "--db", db, "--what", what, "--format", "parquet", "--out", str(out))
    import pyarrow.parquet as pq

    assert pq.read_table(out).num_rows == len(rows)


def test_exit_codes_documented():
    text = " ".join(_ok("--help").split())
    for code in ("0 ok", "1 error", "2 usage error", "3 `gundem ask` found no answer"):
        assert code in text
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "Exit status" in readme and "3 `gundem ask` found no answer" in readme
