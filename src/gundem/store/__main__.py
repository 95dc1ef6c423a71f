"""``python -m gundem.store migrate FILE``: bring a database file to the current schema."""

from __future__ import annotations

import sys
from pathlib import Path

from gundem.store import open_store
from gundem.store.schema import SchemaError, latest


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] != "migrate":
        print("usage: python -m gundem.store migrate FILE", file=sys.stderr)
        return 2
    if not Path(argv[1]).exists():
        print(f"error: {argv[1]}: no such database", file=sys.stderr)
        return 2
    try:
        with open_store(argv[1]) as store:
            print(f"{argv[1]}: schema version {store.schema_version()} (current: {latest()})")
    except SchemaError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
