"""The fast Indonesian tokenizer (``extract.nlp``) tokenizes as ``spacy.blank("id")`` does.

``FastIndonesian`` moves spaCy's ~15,600 hyphenated tokenizer exceptions into a
``token_match`` (a set lookup) to save about 3 s per process. These tests compare it,
token by token and attribute by attribute, with the stock pipeline on the texts the
pipeline tokenizes: the seed report's text, every indicator and goal label the corpus
and the labels hold (as printed, and as ``match_form`` tokenizes them), and the text
layer of every sample PDF.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from lkj.corpus.samples.expected import load_expected
from lkj.extract.document import open_document
from lkj.extract.indicator_text import clean_label
from lkj.extract.nlp import (
    HYPHENATED,
    HYPHENATED_FILE,
    FastIndonesian,
    blank_indonesian,
    hyphenated_words,
    spacy_version,
    stock_indonesian,
)
from tests.conftest import CORPUS, REAL_LABELS, REPO

SEED = REPO.parent / "shared" / "seeds" / "lkj-kpu-lampung-utara-2024.txt"
#: The token attributes extract/identity.py, extract/budget.py and extract/indicator_text.py read, and a few more.
ATTRS = ("text", "whitespace_", "lower_", "norm_", "lemma_", "is_stop", "is_punct", "is_space", "is_alpha",
         "is_title", "is_upper", "like_num", "is_digit", "shape_")


@pytest.fixture(scope="module")
def stock():
    nlp = stock_indonesian()
    nlp.max_length = 5_000_000
    return nlp


def _tokens(nlp, text: str) -> list[tuple]:
    return [tuple(getattr(token, name) for name in ATTRS) for token in nlp(text)]


def _assert_same(stock, texts: dict[str, str]) -> None:
    fast = blank_indonesian()
    different = [name for name, text in texts.items() if _tokens(fast, text) != _tokens(stock, text)]
    assert not different, different[:10]


def _labels() -> list[str]:
    labels: list[str] = []
    expected = [load_expected(p) for p in sorted(CORPUS.glob("*/*.expected.json"))]
    real = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(REAL_LABELS.glob("*.json")) if p.name != "INDEX.json"]
    for report in expected + real:
        for key in ("indicators", "detail_indicators"):
            for row in report.get(key) or []:
                labels += [row.get("indicator") or "", row.get("goal") or ""]
    for path in (REPO / "db" / "data" / "equivalences.csv", REPO / "corpus" / "catalog" / "labelled_pairs.csv"):
        with open(path, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                labels += [row["text_a"], row["text_b"]]
    return sorted({label for label in labels if label})


def test_the_pipeline_uses_the_fast_tokenizer():
    nlp = blank_indonesian()
    assert isinstance(nlp, FastIndonesian) and nlp.lang == "id" and nlp.pipe_names == []
    assert len(HYPHENATED) > 15_000 and "abu-abu" in HYPHENATED and "Abu-Abu" in HYPHENATED
    # the words stay one token, also next to punctuation; other exceptions are still exceptions
    assert [t.text for t in nlp("(abu-abu), Kupu-Kupu. Jan. Dr. Rp.77.452.486.000,-")] == [
        "(", "abu-abu", ")", ",", "Kupu-Kupu", ".", "Jan.", "Dr.", "Rp", ".77.452.486.000", ",", "-"]


def test_shipped_hyphenated_words_are_the_computed_ones():
    """The file read at start-up holds exactly what the tokenizer exceptions give."""
    shipped = Path(__file__).resolve().parents[1] / "extract" / "data" / HYPHENATED_FILE
    header, _, body = shipped.read_text(encoding="utf-8").partition("\n")
    if header != f"# spacy {spacy_version}":
        pytest.skip(f"shipped for {header[2:]}, installed spacy {spacy_version}: nlp.py computes the set (rewrite the file)")
    assert frozenset(body.split()) == hyphenated_words() == HYPHENATED


def test_seed_report_text_tokenizes_as_stock(stock):
    if not SEED.exists():
        pytest.skip("shared/seeds not beside the repo")
    text = SEED.read_text(encoding="utf-8")
    _assert_same(stock, {"seed": text, **{f"line {i}": line for i, line in enumerate(text.splitlines()) if line.strip()}})


def test_indicator_labels_tokenize_as_stock(stock):
    labels = _labels()
    assert len(labels) > 300
    texts = {label: label for label in labels}
    texts.update({f"{label} (match form)": clean_label(label).lower() for label in labels})
    _assert_same(stock, texts)


def test_sample_pdf_pages_tokenize_as_stock(stock):
    texts = {}
    for pdf in sorted(CORPUS.glob("born-digital/*.pdf")):
        for page in open_document(pdf).pages:
            texts[f"{pdf.name} p.{page.number}"] = page.text
    assert len(texts) > 50
    _assert_same(stock, texts)

