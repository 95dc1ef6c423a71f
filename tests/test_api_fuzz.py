"""Schema-driven fuzz of the API (issue 11, point 8): schemathesis against the OpenAPI document.

The real server (uvicorn, 127.0.0.1, a free port, in a thread) serves a store built here from a
few Turkish articles by ``gundem run``. Every operation gets valid and invalid requests
(schemathesis' positive and negative modes), operations with an id also get the store's real
ids, and ``POST /api/ingest`` is fuzzed with and without the key. At least 1,000 requests, no
5xx, no traceback in a body, and the server still answers at the end. URL fetching is stubbed:
the fuzz never leaves loopback."""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter

import pytest
import requests
import schemathesis
import uvicorn
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from typer.testing import CliRunner

from gundem.cli import app as cli_app
from gundem.ingest.errors import IngestError
from gundem.serve.api import create_app
from gundem.store.db import Store

KEY = "fuzz-anahtari"
MIN_REQUESTS = 1_000
TIME_BUDGET_S = 240.0  # a hard stop only; about 45 s on an idle 2-core machine

ARTICLES = {
    "liman.txt": "Karadeniz’de yeni liman için imzalar atıldı\n\n"
    "Ulaştırma Bakanlığı, Samsun’da yapılacak konteyner limanı için dün Ankara’da bir anlaşma "
    "imzaladığını duyurdu. Projenin yaklaşık 4 milyar liraya mal olması bekleniyor.\n\n"
    "Bakan Ayşe Yıldırım, “Bu liman bölgeye binlerce kişilik iş sağlayacak” dedi.\n",
    "sel.txt": "Rize’de sel: 120 kişi tahliye edildi\n\n"
    "Rize’de gece boyunca süren sağanak nedeniyle dereler taştı. Valilik, 120 kişinin "
    "güvenli bölgelere tahliye edildiğini açıkladı.\n\n"
    "Vali Mehmet Kaya, “Ekiplerimiz sabaha kadar sahadaydı” ifadesini kullandı.\n",
    "sel2.txt": "Rize’deki selde tahliye edilenlerin sayısı 150’ye çıktı\n\n"
    "Rize Valiliği, sel bölgesinden tahliye edilenlerin sayısının 150’ye yükseldiğini bildirdi. "
    "Vali Mehmet Kaya, yolların akşam saatlerinde açılacağını söyledi.\n",
    "kopru.txt": "İzmir’de yeni köprü trafiğe açıldı\n\n"
    "İzmir Büyükşehir Belediyesi, körfez üzerindeki yeni köprünün bugün trafiğe açıldığını "
    "duyurdu. Belediye Başkanı Zeynep Demir, “Köprü günde 40 bin aracı taşıyacak” dedi.\n",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _no_fetch(urls, _fetcher, *_a, **_k):
    """Fuzzed URLs are never fetched (the test stays on loopback)."""
    return [IngestError(u, "fetch", "fetching is disabled in the fuzz test") for u in urls]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("fuzz")
    for name, text in ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8")
    db = str(root / "g.duckdb")
    res = CliRunner().invoke(cli_app, ["run", str(root), "--db", db, "-w", "1", "-q"])
    assert res.exit_code == 0, res.output
    with Store(db, read_only=True) as st:
        ids = {
            "article_id": [a.id for a in st.iter_articles()],
            "entity_id": [r[0] for r in st.con.execute("SELECT id FROM entities").fetchall()],
            "event_id": [r[0] for r in st.con.execute("SELECT id FROM events").fetchall()],
            "story_id": [r[0] for r in st.con.execute("SELECT id FROM stories").fetchall()],
        }
    mp = pytest.MonkeyPatch()
    mp.setattr("gundem.ingest.web.fetch_all", _no_fetch)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db, api_key=KEY), host="127.0.0.1", port=port,
                                        log_level="critical"))  # fmt: skip
    th = threading.Thread(target=srv.run, daemon=True)
    th.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}", ids, th
    srv.should_exit = True
    th.join(timeout=10)
    mp.undo()


# (method, path) → examples per mode; POST /api/ingest with the key runs the pipeline: fewer
BUDGET = {("POST", "/api/ingest"): 40, ("GET", "/api/ask"): 40, ("POST", "/api/ask"): 40}
DEFAULT_EXAMPLES = 50


def _with_text(case):
    """The schema cannot say "each document needs text or html": add a body text where the
    generated one has none (its other fields stay as generated)."""
    body = case.body if isinstance(case.body, dict) else {}
    docs = [d for d in body.get("documents") or [] if isinstance(d, dict)][:3] or [{}]
    for i, d in enumerate(docs):
        if not (d.get("text") or d.get("html")):
            d["text"] = f"Ankara’da {i + 1}. haber: Bakan Ayşe Yıldırım “Çalışmalar sürüyor” dedi."
    case.body = {**body, "documents": docs, "urls": ["http://127.0.0.1:9/haber"]}  # stubbed
    return case


def _fuzz(strategy, n: int, call) -> None:
    @settings(max_examples=n, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck), derandomize=True)  # fmt: skip
    @given(case=strategy)
    def run(case) -> None:
        call(case)

    try:
        run()
    except Unsatisfiable:  # e.g. no invalid request exists for an operation without parameters
        pass


def test_schemathesis_fuzz_no_5xx_and_server_alive(server) -> None:
    base, ids, thread = server
    session = requests.Session()
    schema = schemathesis.openapi.from_url(f"{base}/openapi.json")
    statuses: Counter[int] = Counter()
    failures: list[str] = []
    start = time.monotonic()

    def call(case, headers: dict | None = None) -> None:
        if time.monotonic() - start > TIME_BUDGET_S:
            return
        try:
            resp = case.call(base_url=base, session=session, headers=headers, timeout=30)
        except requests.exceptions.InvalidHeader:  # refused by the client, never sent
            return
        statuses[resp.status_code] += 1
        if resp.status_code >= 500 or "Traceback" in resp.text:
            failures.append(
                f"{case.method} {case.formatted_path} {case.query} → {resp.status_code} {resp.text[:200]}"
            )

    for op in schema.get_all_operations():
        op = op.ok()
        n = BUDGET.get((op.method.upper(), op.path), DEFAULT_EXAMPLES)
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            _fuzz(op.as_strategy(generation_mode=mode), n, call)
        for name, values in ids.items():  # the store's real ids reach the handlers' bodies
            if "{" + name + "}" in op.path:
                for value in values[:3]:
                    _fuzz(op.as_strategy(path_parameters={name: value}), n // 4, call)
        if op.path == "/api/ingest":  # with the key; most bodies made valid so the pipeline runs
            keyed = op.as_strategy(headers={"X-API-Key": KEY}).map(_with_text)
            _fuzz(keyed, n, lambda c: call(c, {"X-API-Key": KEY}))

    total = sum(statuses.values())
    print(
        f"api fuzz: {total} requests in {time.monotonic() - start:.1f} s, statuses {dict(sorted(statuses.items()))}"
    )
    assert not failures, failures[:5]
    assert total >= MIN_REQUESTS, (total, dict(statuses))
    assert statuses[200] > 300 and statuses[201] > 10  # not only rejections: the handlers ran
    assert thread.is_alive()
    r = session.get(f"{base}/api/health", timeout=10)
    assert r.status_code == 200 and r.json()["ok"]
