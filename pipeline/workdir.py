"""The work folder: each stage's result per document, keyed by sha256 and the stage's code.

``.lkj/<sha256>/<stage>.json`` holds the result and the key of the code that produced
it (``versions.stage_key``: stage numbers and a fingerprint of the code of every stage
up to it). A later run reuses a result only when the file's content and that code are
unchanged, so editing the interpreter re-runs interpretation without reading PDFs again.
"""
from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import TypeVar

from pydantic import TypeAdapter

T = TypeVar("T")


class WorkFolder:
    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, sha256: str, stage: str) -> Path:
        return self.root / sha256 / f"{stage}.json"

    def load(self, sha256: str, stage: str, key: str, kind: type[T]) -> T | None:
        """The cached result, or None when absent, stale or unreadable."""
        path = self._path(sha256, stage)
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if stored.get("key") != key:
            return None
        try:
            return TypeAdapter(kind).validate_python(stored["result"])
        except Exception:  # a cache written by an older layout is simply recomputed
            return None

    def save(self, sha256: str, stage: str, key: str, result: object) -> None:
        """Write atomically (temp file + rename) so a killed run never leaves half a file."""
        path = self._path(sha256, stage)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        payload = {"key": key, "result": dataclasses.asdict(result)}
        temporary.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)
