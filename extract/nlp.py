"""The one spaCy pipeline the project uses: Indonesian tokenizer, no model.

``spacy.blank("id")`` gives Indonesian tokenization rules (``Kab.``, ``Rp.``,
``77.452.486.000`` stay tokens of their own) without downloading any trained model,
which the pipeline must not do at run time. Rule components (Matcher patterns) on top
of it find unit names, years and money mentions in prose.

Building it is slow, though: spaCy's Indonesian tokenizer exceptions hold about 15,600
hyphenated words (``abu-abu``, ``kupu-kupu``, each in five spellings) that must stay
one token although a hyphen between letters is an infix. Each one is compiled into a
special case *and* into a phrase pattern, about 3 s in every new process (each
worker's first report, every ``lkj inspect``). :class:`FastIndonesian` is the same
language with those words moved into a ``token_match`` (a set lookup), which keeps
them one token at 0.1-0.2 s. Only exceptions that are a single token with no other
attribute and carry no prefix or suffix character are moved, so that the affix
splitting around them is the same (``(abu-abu)`` is still ``(`` ``abu-abu`` ``)``); the
rest (``Jan.``, ``Dr.``, emoticons) stay exceptions. ``tests/test_nlp.py`` checks the
tokens against the stock pipeline.

One difference remains in principle: the stock tokenizer also merges a hyphenated word
found *inside* a longer hyphen chain (``x-abu-abu`` gives ``x`` ``-`` ``abu-abu``),
where a ``token_match`` only sees whole substrings (``x`` ``-`` ``abu`` ``-`` ``abu``).
Such chains do not occur in the texts the pipeline tokenizes (page text, indicator
labels); the test covers them.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import spacy
from spacy.about import __version__ as spacy_version
from spacy.lang.id import Indonesian, IndonesianDefaults
from spacy.lang.id.punctuation import TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES
from spacy.lang.id.tokenizer_exceptions import TOKENIZER_EXCEPTIONS
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.util import compile_prefix_regex, compile_suffix_regex


def hyphenated_words() -> frozenset[str]:
    """The exceptions that only keep a hyphenated word whole, and no affix could split.

    Computing this set runs spaCy's prefix and suffix regexes over 15,600 words, about
    0.5 s in every new process; :func:`_load_hyphenated` reads it from a file written for
    the installed spaCy version instead, and falls back to this function for any other.
    """
    prefix = compile_prefix_regex(TOKENIZER_PREFIXES).search
    suffix = compile_suffix_regex(TOKENIZER_SUFFIXES).search
    return frozenset(
        orth for orth, rule in TOKENIZER_EXCEPTIONS.items()
        if "-" in orth and len(rule) == 1 and set(rule[0]) <= {ORTH, "ORTH"} and rule[0].get(ORTH, rule[0].get("ORTH")) == orth
        and not prefix(orth) and not suffix(orth)
    )


#: The set computed once for one spaCy version: a first line ``# spacy VERSION``, then one word a line.
HYPHENATED_FILE = "spacy_id_hyphenated.txt"


def write_hyphenated(path: Path) -> None:
    """Write :func:`hyphenated_words` for the installed spaCy (run after upgrading spaCy)."""
    words = "\n".join(sorted(hyphenated_words()))
    path.write_text(f"# spacy {spacy_version}\n{words}\n", encoding="utf-8")


def _load_hyphenated() -> frozenset[str]:
    """The shipped set when it was written for this spaCy version, else computed afresh."""
    shipped = files("lkj.extract").joinpath("data", HYPHENATED_FILE)
    try:
        header, _, body = shipped.read_text(encoding="utf-8").partition("\n")
    except FileNotFoundError:
        return hyphenated_words()
    if header != f"# spacy {spacy_version}":
        return hyphenated_words()
    return frozenset(body.split())


HYPHENATED = _load_hyphenated()


class FastIndonesianDefaults(IndonesianDefaults):
    tokenizer_exceptions = {orth: rule for orth, rule in TOKENIZER_EXCEPTIONS.items() if orth not in HYPHENATED}
    token_match = HYPHENATED.__contains__


class FastIndonesian(Indonesian):
    """``spacy.blank("id")`` with the hyphenated exceptions in a ``token_match``."""

    lang = "id"
    Defaults = FastIndonesianDefaults


def stock_indonesian() -> Language:
    """spaCy's own ``blank("id")``, for comparison (about 3 s to build)."""
    return spacy.blank("id")


@lru_cache(maxsize=1)
def blank_indonesian() -> Language:
    nlp = FastIndonesian()
    nlp.max_length = 5_000_000  # whole reports are tokenized; no parser runs, so memory stays small
    return nlp
