"""The one spaCy pipeline the project uses: Indonesian tokenizer, no model.

``spacy.blank("id")`` gives Indonesian tokenization rules (``Kab.``, ``Rp.``,
``77.452.486.000`` stay tokens of their own) without downloading any trained model,
which the pipeline must not do at run time. Rule components (Matcher patterns) on top
of it find unit names, years and money mentions in prose.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language


@lru_cache(maxsize=1)
def blank_indonesian() -> Language:
    nlp = spacy.blank("id")
    nlp.max_length = 5_000_000  # whole reports are tokenized; no parser runs, so memory stays small
    return nlp
