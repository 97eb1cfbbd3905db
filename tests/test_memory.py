"""Reading the tables of a long report holds one page's objects at a time, not all of them.

A report of 200 table pages must not need much more memory than one of 20: anything
kept per page (characters, an index over them, edges) would grow with the report, as
a character index left on each page once did (500 pages: 832 MiB instead of 281 MiB).
Each size is read in a fresh process, whose peak resident memory is compared.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pikepdf
import pytest

from tests.conftest import CORPUS, REPO

SEED = CORPUS / "born-digital" / "kpu-kab-lampung-utara-2024.pdf"
TABLE_PAGE = 5  # the first page of the seed's main table: a ruled table of 4000 characters
#: Allowed growth of the peak from 20 to 200 table pages. Holding each page's characters
#: costs about 1 MiB a page (180 MiB here); what does not depend on length stays within a few.
GROWTH_MIB = 40

READ = """
import json, resource, sys
from pathlib import Path
from lkj.extract.tables import extract_tables
path, pages = Path(sys.argv[1]), int(sys.argv[2])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
tables = extract_tables(path, range(1, pages + 1), range(1, pages + 1))
print(json.dumps({"tables": len(tables), "before": before, "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def _report_of(pages: int, target) -> None:
    with pikepdf.open(SEED) as seed, pikepdf.new() as report:
        for _ in range(pages):
            report.pages.append(seed.pages[TABLE_PAGE - 1])
        report.save(target)


def _read(path, pages: int) -> dict:
    done = subprocess.run([sys.executable, "-c", READ, str(path), str(pages)], capture_output=True, text=True,
                          cwd=REPO, timeout=600, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ru_maxrss is in KiB on Linux")
def test_peak_memory_does_not_grow_with_the_number_of_table_pages(tmp_path):
    short, long = tmp_path / "short.pdf", tmp_path / "long.pdf"
    _report_of(20, short)
    _report_of(200, long)
    small, large = _read(short, 20), _read(long, 200)
    assert small["tables"] >= 20 and large["tables"] == small["tables"] * 10  # every page was read
    growth_mib = (large["peak"] - small["peak"]) / 1024
    assert growth_mib < GROWTH_MIB, (small, large)
