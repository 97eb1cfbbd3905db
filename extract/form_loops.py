"""Pages that draw a form XObject which draws itself, directly or through other forms.

camelot's stream parser reads pages through playa, whose content interpreter follows
``Do`` into forms without a depth limit: a form that draws itself recurses until the
C stack runs out and the process dies (SIGSEGV, ``worker_crashed`` in the long fuzz
run, 70 of 7,708 inputs). pdfium and pdfminer (pdfplumber) stop such loops, so these
pages keep their text and their ruled and word-position tables; only camelot is kept
away from them. The check walks form resources only (no content stream is decoded),
so it costs next to nothing on an ordinary report.
"""
from __future__ import annotations

import pikepdf

#: Forms nested deeper than this are treated as a loop: playa recurses once per level,
#: and no report nests forms anywhere near this (Word and LibreOffice exports nest 1-2).
MAX_FORM_DEPTH = 40


def _xobjects(resources: object) -> list[pikepdf.Object]:
    """The form XObjects a resource dictionary names (images and damaged entries left out)."""
    if not isinstance(resources, pikepdf.Dictionary):
        return []
    names = resources.get("/XObject")
    if not isinstance(names, pikepdf.Dictionary):
        return []
    return [value for _, value in names.items()
            if isinstance(value, pikepdf.Stream) and value.get("/Subtype") == pikepdf.Name.Form]


def _page_resources(page: pikepdf.Object) -> object:
    """A page's /Resources, inherited from the page tree when the page has none (as readers do)."""
    node, seen = page, set()
    while isinstance(node, pikepdf.Dictionary) and node.objgen not in seen:
        seen.add(node.objgen)
        if "/Resources" in node:
            return node.get("/Resources")
        node = node.get("/Parent")
    return None


def _loops(form: pikepdf.Stream, inherited: object, path: list[tuple[int, int]]) -> bool:
    """True when ``form`` leads back to a form on ``path`` or nests past ``MAX_FORM_DEPTH``.

    A form without its own /Resources uses those of what draws it (PDF 1.1 behaviour,
    which readers keep), so a form can loop through its parent's names too.
    """
    if form.objgen in path or len(path) >= MAX_FORM_DEPTH:
        return True
    resources = form.get("/Resources", inherited)
    path.append(form.objgen)
    try:
        return any(_loops(child, resources, path) for child in _xobjects(resources))
    finally:
        path.pop()


def form_loop_pages(pdf: pikepdf.Pdf) -> list[int]:
    """1-based numbers of the pages whose forms loop (see the module docstring)."""
    found = []
    for number, page in enumerate(pdf.pages, 1):
        try:
            resources = _page_resources(page.obj)
            if any(_loops(form, resources, []) for form in _xobjects(resources)):
                found.append(number)
        except pikepdf.PdfError:  # a damaged object: what the readers make of it is bounded by the run's limits
            continue
    return found
