"""Per-document bounds (issue 11, point 2): sentences capped before NER, a time and memory
budget per document reported as `budget`, and briefs that differ only in their figures kept."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

import pytest

from gundem import pipeline
from gundem.clean import page as clean_page
from gundem.clean.blocks import block_key
from gundem.clean.page import to_article
from gundem.engine.local import LocalEngine
from gundem.engine.run import run
from gundem.extract import entities as extract_entities_module
from gundem.extract import mentions
from gundem.extract import quotes as extract_quotes_module
from gundem.ingest.errors import IngestError
from gundem.model import Article, RawDoc
from gundem.pipeline import limit_worker_memory, process
from gundem.store.db import Store
from gundem.turkish.sentences import MAX_SENTENCE_CHARS, join_protected, split_sentences

WORDS = (
    "kuraklık nedeniyle barajlardaki su seviyesi düştü ve çiftçiler Konya ovasında "
    "sulama için yeni kuyular açılmasını istedi "
).split()


def one_line(n_chars: int) -> str:
    """Ordinary words, no sentence break anywhere: one giant "sentence"."""
    out, size, i = [], 0, 0
    while size < n_chars:
        w = WORDS[i % len(WORDS)]
        out.append(w)
        size += len(w) + 1
        i += 1
    return " ".join(out)


def raw_text(text: str, source: str = "belge.txt") -> RawDoc:
    return RawDoc(source=source, data=text.encode("utf-8"), meta={"format": "text"})


def test_a_line_without_sentence_breaks_is_cut_into_bounded_sentences():
    text = one_line(60_000)
    whole = [(0, len(text))]  # the extractors' path: a protected span joins every cut
    for spans in (split_sentences(text), join_protected(text, split_sentences(text), whole)):
        assert len(spans) > 1
        assert max(e - s for s, e in spans) <= MAX_SENTENCE_CHARS
        assert " ".join(text[s:e] for s, e in spans).split() == text.split()  # no word lost or cut


def test_ner_sees_bounded_sentences_on_a_one_line_text(monkeypatch):
    # one uncut sentence made NER memory grow with the text (500 KB: 1.7 GB)
    seen: list[int] = []
    real = mentions.tag_sentences

    def spy(sents, model_path=None):
        seen.extend(len(s) for s in sents)
        return real(sents, model_path)

    monkeypatch.setattr(mentions, "tag_sentences", spy)
    text = one_line(30_000)
    found, _ = mentions.tag_text(text)
    assert len(seen) > 1 and max(seen) <= 1_000
    assert all(m.end <= len(text) for m in found)


def _slow_stage(article: Article) -> Article:
    time.sleep(0.6)
    return article


def _run_with_slow_stage(monkeypatch, on_thread: bool) -> Article | IngestError:
    monkeypatch.setenv("GUNDEM_DOC_SECONDS", "0.3")
    monkeypatch.setattr(extract_entities_module, "extract_entities", _slow_stage)
    monkeypatch.setattr(extract_quotes_module, "extract_quotes", _slow_stage)
    doc = raw_text("Ankara’da bugün yağmur bekleniyor. Sürücüler dikkatli olmalı.\n")
    if not on_thread:
        return process(doc)
    box: list = []
    worker = threading.Thread(target=lambda: box.append(process(doc)))
    worker.start()
    worker.join(10)
    return box[0]


@pytest.mark.parametrize("on_thread", [False, True], ids=["main-thread", "worker-thread"])
def test_a_document_over_its_time_budget_is_a_budget_error(monkeypatch, on_thread):
    t0 = time.monotonic()
    result = _run_with_slow_stage(monkeypatch, on_thread)
    assert isinstance(result, IngestError) and result.kind == "budget", result
    assert result.source == "belge.txt"
    if not on_thread:  # the timer stops the document inside its first slow stage
        assert time.monotonic() - t0 < 0.55


def test_the_batch_goes_on_after_a_document_over_budget(monkeypatch):
    real = clean_page.to_article

    def to_article(raw, repeated=None):
        if raw.source == "yavas.txt":
            time.sleep(5)
        return real(raw, repeated)

    monkeypatch.setattr(clean_page, "to_article", to_article)
    monkeypatch.setenv("GUNDEM_DOC_SECONDS", "1")
    docs = [
        raw_text("Sivas’ta kar kalınlığı yarım metreyi aştı.\n", "yavas.txt"),
        raw_text(
            "Rize’de çay hasadı bu yıl erken başladı ve üreticiler "
            "yaş çay fiyatının açıklanmasını bekliyor.\n",
            "hizli.txt",
        ),
    ]
    process(docs[1], with_extract=False)  # warm the cleaner before the clock matters
    with LocalEngine(1, pipeline.pipeline_for(frozenset({"extract"}))) as engine:
        out = list(engine.map((d, frozenset()) for d in docs))
    assert isinstance(out[0], IngestError) and out[0].kind == "budget"
    assert isinstance(out[1], Article) and "çay" in out[1].text


def test_running_out_of_memory_is_a_budget_error(monkeypatch):
    def greedy(article: Article) -> Article:
        raise MemoryError

    monkeypatch.setattr(extract_entities_module, "extract_entities", greedy)
    out = process(raw_text("Muğla’da orman yangını kontrol altına alındı.\n"))
    assert isinstance(out, IngestError) and out.kind == "budget"


def test_worker_processes_cap_their_memory_and_the_main_process_never(monkeypatch):
    assert limit_worker_memory() is False  # the main process holds the database
    monkeypatch.setenv("GUNDEM_DOC_MEMORY_MB", "200")
    ctx = get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=ctx, initializer=limit_worker_memory) as pool:
        assert len(pool.submit(bytearray, 50 * 2**20).result()) == 50 * 2**20
        with pytest.raises(MemoryError):
            pool.submit(bytearray, 400 * 2**20).result()
        assert pool.submit(len, "hâlâ çalışıyor").result() == 14  # the worker survives


def test_fifty_briefs_that_differ_only_in_their_numbers_are_all_stored(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(50):
        text = (
            f"Gram altın {2400 + i * 7},{10 + i} liradan işlem görüyor, çeyrek {3900 + i} lira.\n"
        )
        (folder / f"kisa{i:02d}.txt").write_text(text, encoding="utf-8")
    with Store(tmp_path / "g.duckdb") as store:
        stats = run([str(folder)], store, with_extract=False)
        assert stats.errors == {}
        assert store.count() == 50


def test_blocks_repeated_elsewhere_never_take_a_documents_whole_text():
    line = "Erzurum’da kar yağışı nedeniyle okullar iki gün süreyle tatil edildi."
    article = to_article(raw_text(line + "\n"), frozenset({block_key(line)}))
    assert article.text == line
