"""bench/floors.toml, the pinned quality floors: every floor is asserted by a test, every
asserted floor exists, and the file says how a floor may be lowered (issue 12, point 8)."""

from __future__ import annotations

import ast
from pathlib import Path

from fixtures import FLOORS_PATH, floors

TESTS = Path(__file__).resolve().parent


def _asserted_floors() -> set[tuple[str, str]]:
    """Every literal ``floor("section", "key")`` call in the test files."""
    used: set[tuple[str, str]] = set()
    for path in sorted(TESTS.glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "floor"
                and len(node.args) == 2
                and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args)
            ):
                used.add((node.args[0].value, node.args[1].value))
    return used


def _pinned() -> set[tuple[str, str]]:
    return {(section, key) for section, keys in floors().items() for key in keys}


def test_every_pinned_floor_is_asserted_by_a_test() -> None:
    assert _pinned() - _asserted_floors() == set()


def test_every_asserted_floor_is_pinned() -> None:
    assert _asserted_floors() - _pinned() == set()


def test_floors_are_numbers_and_scores_are_at_most_one() -> None:
    for section, keys in floors().items():
        for key, value in keys.items():
            assert isinstance(value, int | float) and not isinstance(value, bool), (section, key)
            if not key.startswith("gold_"):  # gold_* are counts; the rest are scores
                assert 0 < value <= 1, (section, key)


def test_the_file_says_lowering_a_floor_needs_its_reason_in_the_commit() -> None:
    header = FLOORS_PATH.read_text(encoding="utf-8").split("[", 1)[0]
    assert "Lowering one takes an explicit" in header and "reason in the commit" in header
