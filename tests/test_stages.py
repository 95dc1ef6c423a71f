"""Declared stages (issue 12): the registry checks its order when a pipeline is built, stages
are switched off by name, a bug names its stage, and each stage serves its languages."""

from __future__ import annotations

import pickle
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from gundem.clean.page import to_article
from gundem.cli import app as cli_app
from gundem.ingest.errors import IngestError
from gundem.model import Article, RawDoc
from gundem.pipeline import process
from gundem.stages import STAGES, PipelineError, Registry, Stage, build_pipeline

TEXT = (
    "Ankara’da 12 Mart 2025 tarihinde düzenlenen toplantıda Çevre Bakanı Selin Kaya, "
    "“Bu yıl 40 bin fidan dikeceğiz” dedi.\n\n"
    "Kaya, kampanyaya 300 gönüllünün katıldığını söyledi.\n"
)
ENGLISH = (
    "The city council met on Monday and approved a new budget for public parks. "
    "Officials said the work would begin next spring and last two years.\n"
)


def raw(text: str = TEXT, source: str = "haber.txt") -> RawDoc:
    return RawDoc(source=source, data=text.encode("utf-8"), meta={"format": "text"})


def _registry(*stages: Stage) -> Registry:
    base = Registry([STAGES["clean"]])
    for s in stages:
        base.add(s)
    return base


def _stage(
    name: str, requires: set[str], assigns: set[str], langs: set[str] | None = None
) -> Stage:
    return Stage(name, "article", lambda a: a, frozenset(requires), frozenset(assigns),
                 None if langs is None else frozenset(langs))  # fmt: skip


# -- the registry's checks -------------------------------------------------------------------


def test_the_default_pipeline_runs_times_before_claims_because_claims_requires_time_spans():
    names = build_pipeline().names()
    assert names == ["clean", "entities", "quotes", "times", "claims", "resolve", "link", "index"]
    assert "times" in STAGES["claims"].requires and "quotes" in STAGES["claims"].requires


def test_skipping_a_stage_whose_output_is_required_names_both_stages():
    with pytest.raises(PipelineError) as err:
        build_pipeline(skip={"times"})
    msg = str(err.value)
    assert "'claims'" in msg and "'times'" in msg and "skipped" in msg


def test_a_requirement_assigned_only_by_a_later_stage_names_both_stages():
    reg = _registry(
        _stage("ozet", {"text", "duygu"}, {"ozet"}), _stage("duygu", {"text"}, {"duygu"})
    )
    with pytest.raises(PipelineError) as err:
        build_pipeline(registry=reg)
    msg = str(err.value)
    assert "'ozet'" in msg and "'duygu'" in msg and "later" in msg


def test_a_requirement_no_stage_assigns_is_an_error():
    reg = _registry(_stage("ozet", {"text", "baslik_vektoru"}, {"ozet"}))
    with pytest.raises(PipelineError, match="'ozet' requires 'baslik_vektoru', which no stage"):
        build_pipeline(registry=reg)


def test_an_unknown_stage_name_is_an_error_listing_the_known_ones():
    with pytest.raises(PipelineError, match="unknown stage 'alintilar'.*quotes"):
        build_pipeline(skip={"alintilar"})


def test_the_clean_stage_cannot_be_skipped():
    with pytest.raises(PipelineError, match="clean"):
        build_pipeline(skip={"clean"})


def test_a_pipeline_pickles_for_worker_processes():
    p = build_pipeline(skip={"link"})
    assert pickle.loads(pickle.dumps(p)) == p


# -- disabling by name ---------------------------------------------------------------------------


def test_skipped_stages_assign_nothing_and_the_others_still_run():
    article = process(raw(), skip={"quotes", "claims"})
    assert isinstance(article, Article), article
    assert article.entities and article.times
    assert article.quotes == [] and article.claims == []
    full = process(raw())
    assert isinstance(full, Article) and full.quotes and full.claims


def test_the_extract_group_and_with_extract_false_skip_the_same_stages():
    assert build_pipeline(skip={"extract"}).names() == ["clean", "link", "index"]
    bare = process(raw(), with_extract=False)
    assert isinstance(bare, Article) and bare.entities == [] and bare.times == []


def _cli_run(tmp_path: Path, *args: str):
    folder = tmp_path / "girdi"
    folder.mkdir(exist_ok=True)
    (folder / "haber.txt").write_text(TEXT, encoding="utf-8")
    db = tmp_path / "g.duckdb"
    res = CliRunner().invoke(cli_app, ["run", str(folder), "--db", str(db), "-w", "1", "-q", *args])
    return res, db


def test_gundem_run_skip_quotes_claims_stores_articles_without_them(tmp_path):
    res, db = _cli_run(tmp_path, "--skip", "quotes,claims", "--no-link")
    assert res.exit_code == 0, res.output
    con = duckdb.connect(str(db), read_only=True)
    try:
        ents, quotes, claims, times = con.execute(
            "SELECT entities, quotes, claims, times FROM articles"
        ).fetchone()
    finally:
        con.close()
    assert quotes == "[]" and claims == "[]" and ents != "[]" and times != "[]"


def test_gundem_run_refuses_a_skip_that_breaks_a_requirement_in_one_line(tmp_path):
    res, db = _cli_run(tmp_path, "--skip", "quotes")
    assert res.exit_code == 2
    assert "'claims' requires 'quotes'" in res.output and "Traceback" not in res.output
    assert not db.exists()


# -- an internal error names its stage ----------------------------------------------------------


def _broken(article: Article) -> Article:
    raise KeyError("konusmaci")


def test_an_internal_error_in_a_stage_names_the_stage(monkeypatch):
    monkeypatch.setattr("gundem.extract.quotes.extract_quotes", _broken)
    out = process(raw())
    assert isinstance(out, IngestError) and out.kind == "internal"
    assert out.message.startswith("quotes: KeyError")
    assert out.line() == "haber.txt: internal: quotes: KeyError: 'konusmaci'"


def test_an_internal_error_in_a_corpus_stage_names_it_without_a_traceback(tmp_path, monkeypatch):
    def broken_link(store, summarize=True, **_kw):
        raise RuntimeError("bozuk indeks")

    monkeypatch.setattr("gundem.link.linker.link_new", broken_link)
    res, _ = _cli_run(tmp_path, "--no-extract")
    assert res.exit_code == 1
    assert "internal: link: RuntimeError: bozuk indeks" in res.output
    assert "Traceback" not in res.output


# -- language gating ----------------------------------------------------------------------------


def test_turkish_stages_pass_an_article_in_another_language_through(monkeypatch):
    monkeypatch.setattr("gundem.extract.entities.extract_entities", _broken)
    article = process(raw(ENGLISH, "news.txt"))  # the Turkish NER never sees it
    assert isinstance(article, Article) and article.language == "en"
    assert article.entities == [] and article.times == []


def test_a_stage_runs_only_for_the_languages_it_serves():
    seen: list[str] = []

    def tag(article: Article) -> Article:
        seen.append(article.language)
        return article

    reg = _registry(Stage("etiket", "article", tag, frozenset({"text"}), frozenset({"etiket"}),
                          frozenset({"en"})))  # fmt: skip
    pipeline = build_pipeline(registry=reg)
    for text in (TEXT, ENGLISH):
        assert isinstance(process(raw(text), pipeline=pipeline), Article)
    assert seen == ["en"]


def test_a_stage_for_every_language_cannot_require_what_only_turkish_stages_assign():
    reg = _registry(_stage("varlik", {"text"}, {"entities"}, {"tr"}),
                    _stage("harita", {"entities"}, {"harita"}))  # fmt: skip
    with pytest.raises(PipelineError) as err:
        build_pipeline(registry=reg)
    assert "'harita'" in str(err.value) and "'varlik'" in str(err.value)


def test_the_clean_stage_still_makes_the_article_it_made_before():
    stage = build_pipeline().article_stages[0]
    assert stage.name == "clean" and stage.load() is to_article
