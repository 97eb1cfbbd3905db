"""Which code produced a result: the package version and one version number per stage.

A stage's results are cached in the work folder under the versions of that stage and
every stage before it (``stage_key``), and each report row records
``EXTRACTOR_VERSION``. Bump a stage's number when a change alters what it outputs,
and say what changed in CHANGELOG.md. Kept apart from the stages so that the CLI can
print ``lkj --version`` without importing them.
"""
from __future__ import annotations

from importlib import metadata

PACKAGE_VERSION = metadata.version("lkj")
#: Stages in the order they run, with their output versions.
STAGE_VERSIONS: tuple[tuple[str, int], ...] = (
    ("ingest", 2),
    ("ocr", 3),
    ("extract", 8),
    ("interpret", 8),
    ("normalize", 5),
)
EXTRACTOR_VERSION = f"lkj {PACKAGE_VERSION} (" + ", ".join(f"{name} v{number}" for name, number in STAGE_VERSIONS) + ")"


def stage_key(stage: str) -> str:
    """Versions of ``stage`` and every stage before it: a change to any invalidates the cache."""
    names = [name for name, _ in STAGE_VERSIONS]
    return "/".join(f"{name}{number}" for name, number in STAGE_VERSIONS[: names.index(stage) + 1])
