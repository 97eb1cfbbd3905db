"""python -m lkj.corpus.samples build [--seed N] [--out DIR] [--only SLUG ...] [--keep-work]"""
from __future__ import annotations

import argparse
from pathlib import Path

from .build import DATA, DEFAULT_SEED, build


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m lkj.corpus.samples",
                                 description="Regenerate the sample LKj corpus in corpus/data/.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="generate .docx, convert with LibreOffice, write PDFs + JSON")
    b.add_argument("--seed", type=int, default=DEFAULT_SEED)
    b.add_argument("--out", type=Path, default=DATA)
    b.add_argument("--only", nargs="*", help="build only these born-digital reports (by slug)")
    b.add_argument("--keep-work", action="store_true", help="keep the temp dir with the .docx")
    a = ap.parse_args(argv)
    if a.cmd == "build":
        build(a.seed, a.out, set(a.only) if a.only else None, a.keep_work)


if __name__ == "__main__":
    main()
