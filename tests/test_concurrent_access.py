"""`gundem serve` and other commands on one database at the same time (a real server on
127.0.0.1 in a subprocess): readers all succeed; a writer DuckDB cannot allow is told so in
one line, with no traceback."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from gundem.model import Article, Quote
from gundem.store.db import Store
from gundem.store.search import SearchIndex

CITIES = ["Sinop", "Kastamonu", "Bolu", "Düzce", "Kütahya"]


def _articles() -> list[Article]:
    return [
        Article(
            id=f"eszamanli{i:02d}",
            source=f"t/{i}",
            language="tr",
            outlet="Karadeniz Postası",
            published=f"2024-07-{1 + i:02d}",
            title=f"{CITIES[i % 5]} sahilinde temizlik günü",
            text=f"{CITIES[i % 5]} sahilinde gönüllüler {i + 20} torba çöp topladı.\n\n"
            "Belediye etkinliğin her ay tekrarlanacağını duyurdu.",
            quotes=[Quote(speaker="Selin Kaya", text="Sahillerimiz hepimizin.", cue="dedi")],
        )  # fmt: skip
        for i in range(10)
    ]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _gundem(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "gundem.cli", *args], capture_output=True,
                          text=True, timeout=timeout, env=env)  # fmt: skip


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A database, and `gundem serve` running on it."""
    tmp = tmp_path_factory.mktemp("eszamanli")
    db = tmp / "ortak.duckdb"
    with Store(db) as s:
        s.add_articles(_articles())
        SearchIndex(db).update(s)
    port = _free_port()
    log = (tmp / "serve.log").open("w")  # a file, not a pipe: a full pipe would block the server
    proc = subprocess.Popen(
        [sys.executable, "-m", "gundem.cli", "serve", "--db", str(db), "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        assert proc.poll() is None, (tmp / "serve.log").read_text()
        time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("gundem serve did not start")
    try:
        yield db, base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


class _Hammer:
    """Requests the API without pause from a thread, so the server keeps a connection open."""

    def __init__(self, base: str) -> None:
        self.base, self.stop, self.codes = base, threading.Event(), []
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        with httpx.Client(base_url=self.base, timeout=10) as c:
            for _ in range(5000):  # bounded; stopped long before
                if self.stop.is_set():
                    return
                self.codes.append(c.get("/api/quotes", params={"speaker": "SELİN"}).status_code)

    def __enter__(self) -> _Hammer:
        self.thread.start()
        while not self.codes:
            time.sleep(0.01)
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(timeout=20)


def test_readers_work_while_serve_runs(served: tuple[Path, str], tmp_path: Path) -> None:
    db, base = served
    with _Hammer(base) as hammer:
        res = _gundem("search", "sahil temizlik", "--db", str(db))
        assert res.returncode == 0, res.stderr
        assert "eszamanli" in res.stdout
        out = tmp_path / "rapor.html"
        res = _gundem("report", "--out", str(out), "--db", str(db))
        assert res.returncode == 0, res.stderr
        assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
        res = _gundem("export", "--what", "articles", "--db", str(db))
        assert res.returncode == 0, res.stderr
        assert len([json.loads(line) for line in res.stdout.splitlines()]) == 10
        res = _gundem("quotes", "--speaker", "selin", "--db", str(db))
        assert res.returncode == 0 and "10 quotes" in res.stdout, res.stderr
    assert hammer.codes and set(hammer.codes) == {200}


def test_a_second_writer_is_told_in_one_line(served: tuple[Path, str], tmp_path: Path) -> None:
    db, base = served
    text = tmp_path / "yeni.txt"
    text.write_text("Sinop limanında yeni bir balıkçı barınağı açıldı. Açılışa yüzlerce kişi "
                    "katıldı.\n", encoding="utf-8")  # fmt: skip
    with _Hammer(base):
        res = _gundem("run", str(text), "--db", str(db), "-w", "1", "-q", "--no-link")
    assert res.returncode != 0
    assert "Traceback" not in res.stderr + res.stdout
    lines = [line for line in res.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, res.stderr
    assert "in use by another gundem process" in lines[0] and "--db" in lines[0]
    assert httpx.get(f"{base}/api/health", timeout=10).json()["articles"] == 10


def test_readers_are_told_in_one_line_while_a_writer_holds_the_file(
    served: tuple[Path, str],
) -> None:
    db, base = served
    store = None
    deadline = time.monotonic() + 20
    while store is None:  # the server closes its idle read connection within a second or so
        try:
            store = Store(db)
        except Exception:
            assert time.monotonic() < deadline, "the server kept the database open while idle"
            time.sleep(0.2)
    try:
        r = httpx.get(f"{base}/api/articles", timeout=10)
        assert r.status_code == 503 and "another gundem process" in r.json()["detail"]
        res = _gundem("search", "sahil", "--db", str(db))
        assert res.returncode != 0 and "Traceback" not in res.stderr
        assert [x for x in res.stderr.splitlines() if x.strip()] == [
            f"error: {db.name} is being written by another gundem process (gundem run?); "
            "try again when it has finished"
        ]
    finally:
        store.close()
    assert httpx.get(f"{base}/api/articles", timeout=10).status_code == 200
