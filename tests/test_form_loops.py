"""Forms that draw themselves reach no reader that would recurse on them (``extract.form_loops``).

``tests/data/fuzz-form-loop.pdf`` is input #22 of the fuzz run of seed 2026 with ``--small``
(a 3-page cut of a generated KPU RI report whose page draws a form that draws itself):
camelot's stream parser (playa) recursed through it until the worker died (SIGSEGV,
``worker_crashed``), as did 70 of the 7,708 inputs of the long fuzz run.
"""
from __future__ import annotations

import sqlite3

import pikepdf

from lkj.extract.form_loops import MAX_FORM_DEPTH, form_loop_pages
from lkj.pipeline.runner import run
from tests.conftest import REPO

LOOP = REPO / "tests" / "data" / "fuzz-form-loop.pdf"


def _form(pdf: pikepdf.Pdf, content: bytes) -> pikepdf.Stream:
    form = pikepdf.Stream(pdf, content)
    form.Type, form.Subtype, form.BBox = pikepdf.Name.XObject, pikepdf.Name.Form, pikepdf.Array([0, 0, 9, 9])
    return pdf.make_indirect(form)


def _pdf_with(draw: dict[str, pikepdf.Stream] | None, pdf: pikepdf.Pdf, pages: int = 2) -> pikepdf.Pdf:
    """``pages`` blank pages; the last one names the forms in ``draw`` and draws them."""
    for _ in range(pages):
        pdf.add_blank_page()
    if draw:
        page = pdf.pages[-1]
        page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary({f"/{k}": v for k, v in draw.items()}))
        page.obj.Contents = pdf.make_stream(b" ".join(f"/{k} Do".encode() for k in draw))
    return pdf


def test_a_form_that_draws_itself_is_found_on_its_page():
    pdf = pikepdf.new()
    form = _form(pdf, b"/Me Do")
    form.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Me=form))
    assert form_loop_pages(_pdf_with({"Fm": form}, pdf)) == [2]


def test_two_forms_that_draw_each_other_are_a_loop():
    pdf = pikepdf.new()
    first, second = _form(pdf, b"/B Do"), _form(pdf, b"/A Do")
    first.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(B=second))
    second.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(A=first))
    assert form_loop_pages(_pdf_with({"A": first}, pdf)) == [2]


def test_a_form_without_resources_loops_through_its_page_s_names():
    """PDF 1.1 forms use the resources of what draws them: ``/Fm Do`` inside Fm draws Fm again."""
    pdf = pikepdf.new()
    assert form_loop_pages(_pdf_with({"Fm": _form(pdf, b"/Fm Do")}, pdf)) == [2]


def test_forms_nested_without_a_loop_are_not_one():
    """A form drawn twice, and forms nested a few deep (as Word and LibreOffice export them), are no loop;
    nesting past MAX_FORM_DEPTH is treated as one."""
    pdf = pikepdf.new()
    inner = _form(pdf, b"0 0 1 1 re f")
    inner.Resources = pikepdf.Dictionary()
    outer = _form(pdf, b"/In Do /In Do")
    outer.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(In=inner))
    assert form_loop_pages(_pdf_with({"A": outer, "B": inner}, pdf)) == []

    deep = pikepdf.new()
    child = _form(deep, b"0 0 1 1 re f")
    child.Resources = pikepdf.Dictionary()
    for _ in range(MAX_FORM_DEPTH):
        parent = _form(deep, b"/C Do")
        parent.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(C=child))
        child = parent
    assert form_loop_pages(_pdf_with({"C": child}, deep)) == [2]


def test_a_report_with_a_form_loop_is_read_and_says_so(tmp_path):
    """Before: ``failed``, ``worker_crashed`` (SIGSEGV in camelot's parser). Now the report is read from
    its other readers, and a ``form_loop`` warning names the pages."""
    db_path = tmp_path / "lkj.db"
    run([LOOP], db_path, work_root=tmp_path / "work", workers=1)
    with sqlite3.connect(db_path) as db:
        status, reason = db.execute("select status, failure_reason from reports").fetchone()
        codes = {code for (code,) in db.execute("select code from warnings")}
        indicators = db.execute("select count(*) from indicators").fetchone()[0]
    assert (status, reason) == ("ok", None)
    assert "form_loop" in codes and "worker_crashed" not in codes
    assert indicators > 0


def test_the_sample_reports_have_no_form_loop():
    """Guards the check from the other side: real exports (Word, LibreOffice, scanners) draw no loop."""
    for path in sorted((REPO / "corpus" / "real").glob("*.pdf")):
        with pikepdf.open(path) as pdf:
            assert form_loop_pages(pdf) == [], path.name
