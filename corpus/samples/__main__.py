"""python -m lkj.corpus.samples build [--seed N] [--out DIR] [--only SLUG ...] [--keep-work]
python -m lkj.corpus.samples draw --n N --seed S --out DIR [--require F ...] [--exclude F ...]
python -m lkj.corpus.samples score --n N [--seed S] [--workers 2] [--out DIR [--reuse]] [--misses]
                                  [--require F ...] [--exclude F ... | --exclude-unsupported]"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

from .build import DATA, DEFAULT_SEED, build


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m lkj.corpus.samples",
                                 description="Regenerate the sample LKj corpus in corpus/data/, "
                                             "or draw randomized reports and score lkj on them.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="generate .docx, convert with LibreOffice, write PDFs + JSON")
    b.add_argument("--seed", type=int, default=DEFAULT_SEED)
    b.add_argument("--out", type=Path, default=DATA)
    b.add_argument("--only", nargs="*", help="build only these born-digital reports (by slug)")
    b.add_argument("--keep-work", action="store_true", help="keep the temp dir with the .docx")
    d = sub.add_parser("draw", help="draw N reports from the layout distribution (PDF + expected JSON)")
    d.add_argument("--n", type=int, required=True)
    d.add_argument("--seed", type=int, required=True)
    d.add_argument("--out", type=Path, required=True)
    d.add_argument("--start", type=int, default=0, help="first index (a draw is (seed, index))")
    _feature_options(d)
    s = sub.add_parser("score", help="draw N reports, run lkj on them, print accuracy by feature")
    s.add_argument("--n", type=int, required=True)
    s.add_argument("--seed", type=int, help="default: a new random seed (printed)")
    s.add_argument("--workers", type=int, default=2)
    s.add_argument("--out", type=Path, help="keep the drawn PDFs and the database here")
    s.add_argument("--misses", action="store_true", help="list each report's misses")
    s.add_argument("--reuse", action="store_true",
                   help="score the reports already drawn in --out (no LibreOffice) instead of drawing")
    _feature_options(s)
    a = ap.parse_args(argv)
    if a.cmd == "build":
        build(a.seed, a.out, set(a.only) if a.only else None, a.keep_work)
    elif a.cmd == "draw":
        from .drawset import draw_set
        draw_set(a.n, a.seed, a.out, _excluded(a), start=a.start, require=frozenset(a.require))
    else:
        from .score import score
        seed = a.seed if a.seed is not None else random.SystemRandom().randrange(1, 10**9)
        print(score(a.n, seed, a.workers, a.out, _excluded(a), misses=a.misses,
                    require=frozenset(a.require), reuse=a.reuse))


def _feature_options(parser: argparse.ArgumentParser) -> None:
    """--require / --exclude: measure one layout feature on draws that all have it."""
    from .features import BY_NAME
    parser.add_argument("--require", nargs="*", default=[], choices=sorted(BY_NAME),
                        metavar="FEATURE", help="draw these features in every report")
    parser.add_argument("--exclude", nargs="*", default=[], choices=sorted(BY_NAME),
                        metavar="FEATURE", help="never draw these features")
    parser.add_argument("--exclude-unsupported", action="store_true",
                        help="never draw features.NOT_YET_SUPPORTED (except those --require'd)")


def _excluded(a: argparse.Namespace) -> frozenset[str]:
    from .features import NOT_YET_SUPPORTED
    out = set(a.exclude) | (set(NOT_YET_SUPPORTED) if a.exclude_unsupported else set())
    return frozenset(out - set(a.require))


if __name__ == "__main__":
    main()
