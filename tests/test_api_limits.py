"""API limits (issue 11, point 6): bounded paging, the Host header, errors that echo nothing."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from gundem.serve import api as api_mod
from gundem.serve.api import allowed_host_names, create_app, host_name
from gundem.store import read
from gundem_tools.gen.questions import build, write_store

PAGING = {"offset", "limit", "page", "page_size", "size", "per_page", "top", "n"}
HUGE = ["1" + "0" * 39, "10000000000", str(2**63), "-1", "1e3", "on"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    arts, _qs, events, story = build(n_facts=3, n_topics=2)
    path = str(tmp_path_factory.mktemp("limits") / "g.duckdb")
    write_store(path, arts, events, [story])
    return path


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    with TestClient(create_app(db, api_key="anahtar", allowed_hosts=["testserver"])) as c:
        yield c


def _paging_params(client: TestClient) -> list[tuple[str, str, dict]]:
    """(path, name, schema) for every integer paging parameter in the OpenAPI document."""
    out = []
    for path, ops in client.app.openapi()["paths"].items():
        for method, op in ops.items():
            for p in op.get("parameters", []):
                if p["in"] == "query" and p["name"] in PAGING:
                    assert method == "get"
                    out.append((path, p["name"], p["schema"]))
    return out


def _url(path: str) -> str:
    return path.replace("{", "").replace("}", "")  # /api/entities/entity_id: a well-formed id


def test_every_paging_parameter_has_bounds_in_the_schema(client: TestClient) -> None:
    found = _paging_params(client)
    names = {(p, n) for p, n, _ in found}
    assert {("/api/articles", "offset"), ("/api/search", "offset"), ("/api/entities", "offset"),
            ("/api/quotes", "offset"), ("/api/claims", "offset"), ("/api/events", "offset"),
            ("/api/stories", "offset"), ("/api/entities/{entity_id}", "limit")} <= names  # fmt: skip
    for path, name, schema in found:
        assert schema["type"] == "integer" and "minimum" in schema and "maximum" in schema, (
            path,
            name,
        )


@pytest.mark.parametrize("value", HUGE)
def test_huge_or_bad_paging_values_give_422_with_a_message(client: TestClient, value: str) -> None:
    """A 40-digit offset was a plain 500 on six endpoints; now every paging parameter says why."""
    for path, name, _ in _paging_params(client):
        params = {name: value, **({"q": "asker"} if path == "/api/search" else {})}
        r = client.get(_url(path), params=params)
        assert r.status_code == 422, (path, name, value, r.status_code, r.text)
        assert r.json()["detail"], (path, name)


def test_search_backed_article_listing_caps_its_offset(client: TestClient) -> None:
    """``/api/articles?q=a&offset=10000000000`` asked tantivy for 160 GB and killed the server."""
    r = client.get("/api/articles", params={"q": "a", "offset": 10_000_000_000})
    assert r.status_code == 422 and "offset" in r.text
    r = client.get("/api/articles", params={"q": "asker", "offset": api_mod.MAX_SEARCH_OFFSET + 1})
    assert r.status_code == 422 and "offset" in r.text
    r = client.get("/api/articles", params={"q": "asker", "offset": api_mod.MAX_SEARCH_OFFSET})
    assert r.status_code == 200 and r.json()["items"] == []
    r = client.get("/api/articles", params={"offset": api_mod.MAX_OFFSET})  # SQL listing: fine
    assert r.status_code == 200 and r.json()["items"] == []
    assert client.get("/api/health").json()["ok"]


def test_unknown_host_header_is_refused(db: str) -> None:
    """DNS rebinding: a page on evil.example must not read the API through the victim's browser."""
    with TestClient(create_app(db, allowed_hosts=["haber.example"], bind_host="10.1.2.3")) as c:
        for host in (
            "evil.example",
            "testserver",
            "127.0.0.1.evil.example",
            "haber.example.evil",
            "",
        ):
            r = c.get("/api/health", headers={"host": host})
            assert r.status_code == 400 and "Host" in r.json()["detail"], host
        assert c.get("/", headers={"host": "evil.example"}).status_code == 400
        for host in ("localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST.",
                     "haber.example", "haber.example:443", "10.1.2.3:8000"):  # fmt: skip
            assert c.get("/api/health", headers={"host": host}).status_code == 200, host


def test_allowed_host_names() -> None:
    assert host_name("[::1]:8000") == "[::1]" and host_name("::1") == "[::1]"
    assert host_name("Haber.Example.:80") == "haber.example"
    names = allowed_host_names("0.0.0.0", ["a.example, b.example", "c.example"])
    assert names == {"localhost", "127.0.0.1", "[::1]", "a.example", "b.example", "c.example"}
    assert "192.168.1.5" in allowed_host_names("192.168.1.5") and "[::1]" in allowed_host_names(
        "::1"
    )
    with TestClient(create_app(_tmp_db(), allowed_hosts=["*"])) as c:
        assert c.get("/api/health", headers={"host": "any.example"}).status_code == 200


def _tmp_db() -> str:
    import tempfile

    d = tempfile.mkdtemp(prefix="gundem-limits-")
    path = str(Path(d) / "g.duckdb")
    write_store(path, [])
    return path


def test_serve_passes_allowed_hosts_from_option_and_env(monkeypatch: pytest.MonkeyPatch) -> None:
    from gundem.cli import app

    db = _tmp_db()
    seen: dict = {}
    monkeypatch.setattr(api_mod, "serve", lambda *a, **k: seen.update(k))
    res = CliRunner().invoke(app, ["serve", "--db", db, "--allowed-host", "haber.example",
                                   "--allowed-host", "ajans.example"])  # fmt: skip
    assert res.exit_code == 0, res.output
    assert list(seen["allowed_hosts"]) == ["haber.example", "ajans.example"]
    res = CliRunner().invoke(
        app, ["serve", "--db", db], env={"GUNDEM_ALLOWED_HOSTS": "a.example b.example"}
    )
    assert res.exit_code == 0 and list(seen["allowed_hosts"]) == ["a.example", "b.example"]


def test_internal_errors_echo_nothing(db: str, monkeypatch: pytest.MonkeyPatch, caplog) -> None:
    """A failure inside a handler: JSON ``{"error": "internal error"}``, the details only in the log."""
    app = create_app(db, allowed_hosts=["testserver"])
    secret = "SELECT gizli FROM articles -- /srv/gundem/veri.duckdb"

    def boom(*_a, **_k):
        raise RuntimeError(secret)

    monkeypatch.setattr(read, "counts", boom)
    with TestClient(app, raise_server_exceptions=False) as c, caplog.at_level(logging.ERROR):
        r = c.get("/api/health")
        assert r.status_code == 500 and r.json() == {"error": "internal error"}
        assert "gizli" not in r.text and "Traceback" not in r.text and ".duckdb" not in r.text
        assert secret in caplog.text  # logged server-side
        assert c.get("/api/articles").status_code == 200  # and the server goes on


def test_not_found_messages_in_one_language(client: TestClient) -> None:
    for path in ("/api/articles/yok", "/api/entities/yok", "/api/events/yok", "/api/stories/yok"):
        r = client.get(path)
        assert r.status_code == 404 and r.json()["detail"].startswith("no "), path
    assert client.get("/api/boyle-bir-yer-yok").json() == {"detail": "Not Found"}
