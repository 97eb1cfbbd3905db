"""Finding input files and fingerprinting them.

A researcher points `lkj run` at folders of archived downloads. Those folders hold
the same report under several names (``LKj 2024.pdf``, ``LKj 2024 (1).pdf``), so a
report is identified by the sha256 of its bytes, never by its name: the hash is the
``reports.id`` and the key of every cached stage result.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

#: Suffixes taken when walking a folder. A file given explicitly is always taken,
#: whatever its name, so that a mislabelled download is still recorded.
PDF_SUFFIXES = (".pdf",)
_CHUNK = 1 << 20


@dataclass(frozen=True)
class InputFile:
    """One file found on disk, with the fingerprint that identifies the report."""

    path: Path
    sha256: str
    size: int


def sha256_of(path: Path) -> str:
    """Hash in chunks so that a 500 MB scan never sits in memory whole."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def iter_paths(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Yield files named explicitly, and PDFs under folders (recursively, sorted).

    Sorting makes runs reproducible: the same folder always loads in the same order.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in PDF_SUFFIXES:
                    yield child
        elif path.exists():
            yield path
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")


@dataclass(frozen=True)
class Discovery:
    """Unique files to process, and the duplicates that were set aside."""

    files: list[InputFile]
    duplicates: list[tuple[InputFile, InputFile]]  # (duplicate, the file kept)


def discover(paths: Iterable[Path | str]) -> Discovery:
    """Fingerprint every input and keep the first file of each distinct content."""
    kept: dict[str, InputFile] = {}
    duplicates: list[tuple[InputFile, InputFile]] = []
    seen_paths: set[Path] = set()
    for path in iter_paths(paths):
        resolved = path.resolve()
        if resolved in seen_paths:
            continue
        seen_paths.add(resolved)
        found = InputFile(path=path, sha256=sha256_of(path), size=path.stat().st_size)
        if found.sha256 in kept:
            duplicates.append((found, kept[found.sha256]))
        else:
            kept[found.sha256] = found
    return Discovery(files=list(kept.values()), duplicates=duplicates)
