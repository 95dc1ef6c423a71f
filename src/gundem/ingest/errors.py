"""Input problems are values, not crashes: one bad file never stops a batch."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class IngestError:
    source: str
    kind: str  # empty | binary | too-large | encoding | gzip | json | html | warc | fetch | robots
    message: str

    def line(self) -> str:
        return f"{self.source}: {self.kind}: {self.message}"


class InputError(Exception):
    """Raised inside a reader; turned into an IngestError naming the input."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
