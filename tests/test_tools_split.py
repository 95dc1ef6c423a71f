"""Training and data-generation code lives in gundem_tools, outside the runtime package
(issue 12, point 8): the runtime neither imports it nor points into the repository's tests."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import gundem

RUNTIME = Path(gundem.__file__).resolve().parent


def _imports(path: Path) -> list[tuple[str, int]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, node.lineno))
        elif isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
    return found


def test_only_the_train_command_imports_the_tools_package() -> None:
    users = {
        f"{p.relative_to(RUNTIME)}:{line}"
        for p in RUNTIME.rglob("*.py")
        for module, line in _imports(p)
        if module.split(".")[0] == "gundem_tools"
    }
    assert len(users) == 1 and next(iter(users)).startswith("cli/ner.py:")


def test_no_runtime_module_points_into_the_tests_folder() -> None:
    for p in RUNTIME.rglob("*.py"):
        tree = ast.parse(p.read_text(encoding="utf-8"))
        strings = {
            n.value
            for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str)
        }
        assert "tests" not in strings, p


def test_tagging_a_sentence_loads_no_training_module() -> None:
    code = (
        "import sys; from gundem.ner import tag_tokens; tag_tokens(['Ayşe', 'Yıldırım', 'konuştu']);"
        "print(sorted(m for m in sys.modules if m.startswith('gundem_tools') or m == 'torch'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
