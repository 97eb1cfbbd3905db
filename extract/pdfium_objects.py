"""A born-digital page's characters and vector paths read by pdfium, in pdfplumber's format.

pdfplumber finds ruled tables and assembles words well, but it gets the page's
objects from pdfminer, whose content-stream interpreter is pure Python: on the
table pages of an LKj that interpretation and the conversion of every ``LTChar``
into a dict were 70 % of the extract stage. pdfium reads the same page in C about
ten times faster. This module asks pdfium for the characters and the painted paths
and builds the dicts pdfplumber would have built from pdfminer's layout (same keys,
same coordinates: top-left origin, the page's /Rotate applied as pdfminer applies
it), so that pdfplumber's table finder, ``extract_text`` and ``extract_words`` run
on them unchanged. No library does this conversion; it is written here by hand.
``tests/test_pdfium_objects.py`` checks that every table of the sample corpus comes
out the same as from pdfminer's objects, and the geometry of pages turned by /Rotate
or with a shifted MediaBox. On the 22 born-digital real PDFs of ``../shared`` the two
gave the same ruled tables on 450 of 521 table pages, in 19.7 s against 51.0 s. Where
they differ it is mostly in word spaces, and mostly pdfium's text is the one printed
(pdfminer glued ``INDIKATORKINERJA`` and scrambled ``Persentase`` on two pages); a few
cells split across lines differ the other way (``SUB-`` / ``KEGIATAN``).

Rules that follow pdfminer (``pdfminer.converter.PDFLayoutAnalyzer.paint_path``):

- a path with several subpaths is split into one object per subpath;
- ``m l`` (``h``) is a ``line``; an axis-aligned closed four-point subpath is a
  ``rect`` (axis-aligned to within float noise, where pdfminer asks for exact
  equality: ``_axis_aligned``); anything else is a ``curve`` with its points;
- a path painted neither by stroke nor by fill (a clipping path) yields nothing;
- a character's box spans its advance horizontally and, vertically, from the font's
  descent to one font size above it (pdfium's "loose" box reaches to the ascent).
  pdfium takes the descent from the font program, pdfminer from the font descriptor,
  which LibreOffice writes as 0: boxes can sit a few points apart vertically.

Characters pdfium generates itself (spaces and line breaks it infers) are dropped,
since pdfminer only reports the glyphs the page draws, except where pdfium put a
space of its own in place of a drawn one (``_restore_space``).
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]

#: Deepest nesting of form XObjects followed (real pages nest two or three deep).
MAX_FORM_DEPTH = 12
#: pdfium reports a hyphen at a line end, which it takes for a soft break, as U+0002.
SOFT_HYPHEN = 0x02


def _multiply(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (PDF row-vector convention, as pdfminer's ``mult_matrix``)."""
    a0, b0, c0, d0, e0, f0 = m
    a1, b1, c1, d1, e1, f1 = n
    return (a0 * a1 + b0 * c1, a0 * b1 + b0 * d1, c0 * a1 + d0 * c1, c0 * b1 + d0 * d1,
            e0 * a1 + f0 * c1 + e1, e0 * b1 + f0 * d1 + f1)


def _apply(m: Matrix, point: Point) -> Point:
    a, b, c, d, e, f = m
    x, y = point
    return (a * x + c * y + e, b * x + d * y + f)


def page_ctm(mediabox: tuple[float, float, float, float], rotate: int) -> Matrix:
    """The device matrix pdfminer starts a page with (``PDFPageInterpreter.process_page``)."""
    x0, y0, x1, y1 = mediabox
    if rotate == 90:
        return (0, -1, 1, 0, -y0, x1)
    if rotate == 180:
        return (-1, 0, 0, -1, x1, y1)
    if rotate == 270:
        return (0, 1, -1, 0, y1, -x0)
    return (1, 0, 0, 1, -x0, -y0)


class _Frame:
    """pdfplumber's mapping from device coordinates to its top-left page coordinates."""

    def __init__(self, page: pdfplumber.page.Page, ctm: Matrix):
        self.page = page
        self.ctm = ctm
        self.height = float(page.height)
        self.mb_x0 = float(page.mediabox[0])
        self.mb_top = float(page.mediabox[1])
        self.doctop = float(page.initial_doctop)

    def box(self, x0: float, y0: float, x1: float, y1: float) -> dict[str, float]:
        """The position keys of an object whose device box is (x0, y0, x1, y1), as ``Page.process_object`` sets them."""
        top = self.height - y1 + self.mb_top
        return {"x0": x0 + self.mb_x0, "y0": y0, "x1": x1 + self.mb_x0, "y1": y1, "width": x1 - x0,
                "height": y1 - y0, "top": top, "bottom": self.height - y0 + self.mb_top,
                "doctop": self.doctop + top}

    def coord(self, point: Point) -> Point:
        """``Page.point2coord`` of a device point."""
        return (self.mb_x0 + point[0], self.mb_top + self.height - point[1])


def _matrix(getter, handle, *index: int) -> Matrix | None:
    m = pdfium_c.FS_MATRIX()
    if not getter(handle, *index, m):
        return None
    return (m.a, m.b, m.c, m.d, m.e, m.f)


class _Fonts:
    """Name, descent and advance widths of the fonts pdfium hands out, each looked up once."""

    def __init__(self) -> None:
        self._known: dict[int, tuple[Any, str, float]] = {}
        self._widths: dict[tuple[int, int], float | None] = {}
        self._name = ctypes.create_string_buffer(256)
        self._number = ctypes.c_float()

    def of(self, text_object: Any) -> tuple[int, str, float]:
        """(key, name, descent per unit of font size) of a text object's font."""
        font = pdfium_c.FPDFTextObj_GetFont(text_object)
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        if key not in self._known:
            size = pdfium_c.FPDFFont_GetBaseFontName(font, self._name, len(self._name)) if key else 0
            name = self._name.raw[:max(0, size - 1)].decode("utf-8", "replace") if size else ""
            ok = key and pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(1000), self._number)
            self._known[key] = (font, name, min(0.0, max(-0.5, self._number.value / 1000)) if ok else 0.0)
        return key, self._known[key][1], self._known[key][2]

    def advance(self, key: int, code: int) -> float | None:
        """Advance width of a character per unit of font size, None when the font cannot say.

        pdfium's "loose" character box spans the advance only for fonts that declare an
        ascent and a descent; for others it is the glyph's ink, narrower or wider than
        the advance, which closes or opens the gaps pdfplumber reads word spaces from.
        ``FPDFFont_GetGlyphWidth`` maps the code point back to the font's character code.
        """
        if (key, code) not in self._widths:
            font = self._known[key][0]
            ok = key and pdfium_c.FPDFFont_GetGlyphWidth(font, code, ctypes.c_float(1000), self._number)
            self._widths[key, code] = self._number.value / 1000 if ok and self._number.value > 0 else None
        return self._widths[key, code]


@dataclass(frozen=True)
class _Style:
    """What a pdfium text object fixes for all its characters: matrix, font and size.

    pdfium starts a new text object at every change of font, size or text matrix,
    so these are looked up once per object rather than once per character.
    """

    text_matrix: Matrix
    char_matrix: Matrix
    upright: bool
    horizontal: bool  # axis-aligned, not mirrored: the common case, boxed like pdfminer
    font_key: int
    fontname: str
    descent: float
    font_size: float


def _style(textpage: pdfium.PdfTextPage, index: int, text_object: Any, fonts: _Fonts, frame: _Frame) -> _Style:
    text_matrix = _matrix(pdfium_c.FPDFText_GetMatrix, textpage, index) or (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    char_matrix = _multiply(text_matrix, frame.ctm)
    a, b, c, d = text_matrix[:4]
    ca, cb, cc, cd = char_matrix[:4]
    font_key, fontname, descent = fonts.of(text_object)
    return _Style(text_matrix, char_matrix, ca * cd > 0 and cb * cc <= 0,
                  abs(b) < 1e-9 and abs(c) < 1e-9 and a * d > 0, font_key, fontname, descent,
                  pdfium_c.FPDFText_GetFontSize(textpage, index))


def page_chars(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, frame: _Frame) -> list[dict[str, Any]]:
    """Every drawn character of the page as a pdfplumber ``char`` dict.

    Characters carry no colours: nothing here reads them, and asking pdfium for two
    colours per character cost a fifth of the time of this function. This loop runs
    for every character of every table page, so pdfium's functions and the raw text
    page handle are bound to local names once, and pdfium's box of a character is
    asked for only where it is used (ligatures, glyphs without a width, turned text).
    """
    chars: list[dict[str, Any]] = []
    loose = pdfium_c.FS_RECTF()
    fonts = _Fonts()
    characters = _TextPageCharacters.read(textpage)
    codes, object_keys = characters.codes, characters.objects
    origin_xs, origin_ys = characters.origin_xs, characters.origin_ys
    spaces = _DrawnSpaces(page, characters)
    styles: dict[int, _Style] = {}
    space_pending = False
    last_x = last_y = None
    page_number = frame.page.page_number
    ta, tb, tc, td, te, tf = frame.ctm
    unrotated = tb == 0 and tc == 0
    height, mb_x0, mb_top, doctop = frame.height, frame.mb_x0, frame.mb_top, frame.doctop
    raw = textpage.raw
    is_generated, get_loose_box = pdfium_c.FPDFText_IsGenerated, pdfium_c.FPDFText_GetLooseCharBox
    for index, code in enumerate(codes):
        if is_generated(raw, index) == 1:
            space_pending = space_pending or code == 0x20
            continue
        if code in (0, 0x0A, 0x0D, 0xFFFE, 0xFFFF):
            continue
        object_key = object_keys[index]  # the text object's pointer value
        space_pending = spaces.skipped_before(object_key, code) or space_pending
        style = styles.get(object_key)
        if style is None:
            style = styles[object_key] = _style(textpage, index, pdfium_c.FPDFText_GetTextObject(raw, index), fonts, frame)
        if style.horizontal:
            # The advance wide and from the descent to one font size above it, as
            # pdfminer draws a character's box.
            a, d = style.text_matrix[0], style.text_matrix[3]
            x, y = origin_xs[index], origin_ys[index]
            if last_x is not None and abs(x - last_x) < 0.005 and abs(y - last_y) < 0.005:
                # One glyph, several code points (a ligature ``fi``): pdfminer reports one character.
                # Its box is the glyph's (pdfium's loose box), not the first code point's advance.
                merged = chars[-1]
                merged["text"] += chr(code) if code < 0x110000 else ""
                get_loose_box(raw, index, loose)
                right = _apply(frame.ctm, (loose.right, loose.bottom))[0] + mb_x0
                merged["x1"] = max(merged["x1"], right)
                merged["width"] = merged["x1"] - merged["x0"]
                continue
            last_x, last_y = x, y
            size = style.font_size * d
            bottom = y + style.descent * size
            width = fonts.advance(style.font_key, code)
            if width is None:
                get_loose_box(raw, index, loose)
                left, right = loose.left, loose.right
            else:
                left, right = x, x + width * style.font_size * a
            top = bottom + size
            advance = (right - left) / a
            corners = ((left, bottom), (right, top))
        else:  # rotated, mirrored or sheared (synthetic italic) text: pdfium's box as it is
            last_x = last_y = None  # a ligature joins only horizontal characters printed one after another
            get_loose_box(raw, index, loose)
            corners = ((loose.left, loose.bottom), (loose.right, loose.top), (loose.left, loose.top), (loose.right, loose.bottom))
            advance = style.font_size
        # Into pdfminer's device space (the page's /Rotate), then pdfplumber's top-left
        # coordinates, as ``_Frame.box`` does; written out because it runs per character.
        if unrotated and style.horizontal:
            x0, x1 = sorted((ta * left + te, ta * right + te))
            y0, y1 = sorted((td * bottom + tf, td * top + tf))
        else:
            xs = [ta * px + tc * py + te for px, py in corners]
            ys = [tb * px + td * py + tf for px, py in corners]
            x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        char_top = height - y1 + mb_top
        char = {"x0": x0 + mb_x0, "y0": y0, "x1": x1 + mb_x0, "y1": y1, "width": x1 - x0, "height": y1 - y0,
                "top": char_top, "bottom": height - y0 + mb_top, "doctop": doctop + char_top,
                "text": "-" if code == SOFT_HYPHEN else chr(code) if code < 0x110000 else "\ufffd",
                "fontname": style.fontname, "size": y1 - y0, "adv": advance, "upright": style.upright,
                "matrix": style.char_matrix, "object_type": "char", "page_number": page_number}
        if space_pending and chars:
            _restore_space(chars, char)
        space_pending = False
        chars.append(char)
    return chars


@dataclass
class _TextPageCharacters:
    """What pdfium's text page holds for each character index: code point, text object, origin.

    Read once per page, in one loop, for both ``page_chars`` and ``_object_texts``.
    """

    codes: list[int]
    objects: list[int]  # the text object's pointer value, 0 for a generated character
    origin_xs: list[float]
    origin_ys: list[float]

    @classmethod
    def read(cls, textpage: pdfium.PdfTextPage) -> _TextPageCharacters:
        raw = textpage.raw
        get_unicode, get_text_object, get_origin = (pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_GetTextObject,
                                                    pdfium_c.FPDFText_GetCharOrigin)
        address = ctypes.addressof
        x, y = ctypes.c_double(), ctypes.c_double()
        codes, objects, origin_xs, origin_ys = [], [], [], []
        for index in range(pdfium_c.FPDFText_CountChars(raw)):
            codes.append(get_unicode(raw, index))
            text_object = get_text_object(raw, index)
            objects.append(address(text_object.contents) if text_object else 0)
            get_origin(raw, index, x, y)
            origin_xs.append(x.value)
            origin_ys.append(y.value)
        return cls(codes, objects, origin_xs, origin_ys)


def _object_texts(order: dict[int, int], characters: _TextPageCharacters) -> list[str]:
    """``FPDFTextObj_GetText`` of every text object in ``order`` (pointer -> ordinal), in one pass.

    pdfium's call walks the whole text page for each object it is asked about
    (``CPDF_TextPage::GetTextByPredicate``), so asking for every object of a dense
    table page was quadratic: 40 % of reading its characters. This replays that rule
    for all objects at once. For one object, the characters of other objects between
    two of its own matter only through the state they leave: a space is added when
    the stretch starts with a space, and a line break is pending when the stretch holds
    anything but spaces (a prefix count of non-spaces answers that). Tested equal to
    pdfium's own call on every page of the sample and real reports.
    """
    codes, objects, origin_ys = characters.codes, characters.objects, characters.origin_ys
    non_spaces_before = [0]
    for code in codes:
        non_spaces_before.append(non_spaces_before[-1] + (code != 0x20))
    texts: list[list[str]] = [[] for _ in order]
    last_index: dict[int, int] = {}
    baseline: dict[int, float] = {}
    for index, (code, key) in enumerate(zip(codes, objects)):
        ordinal = order.get(key)
        if ordinal is None:
            continue
        text = texts[ordinal]
        previous = last_index.get(ordinal, -1)
        if previous == index - 1:  # its previous character is the one before (or this is the first of the page)
            line_feed_pending = False
        else:
            if previous >= 0 and codes[previous + 1] == 0x20:
                text.append(" ")
            line_feed_pending = non_spaces_before[index] - non_spaces_before[previous + 1] > 0
        if line_feed_pending and origin_ys[index] != baseline.get(ordinal, 0.0):
            baseline[ordinal] = origin_ys[index]
            if text:
                text.append("\r\n")
        if code:
            text.append(chr(code) if code < 0x110000 else "\ufffd")
        last_index[ordinal] = index
    for ordinal, index in last_index.items():
        if index + 1 < len(codes) and codes[index + 1] == 0x20:
            texts[ordinal].append(" ")
    return ["".join(text) for text in texts]


class _DrawnSpaces:
    """Space glyphs the page draws that pdfium's text page left out.

    Word often draws the space between two words as a text object of its own, and in
    justified text a space glyph can overlap the next letter (the line is tightened
    by kerning); pdfium leaves both out of its text page. The text objects' own texts
    (``FPDFTextObj_GetText``) still hold the overlapping spaces, and a space-only
    object is there with an empty text. Walking those texts, in the page's drawing
    order, alongside the text page's characters finds the spaces skipped before a
    character.
    """

    def __init__(self, page: pdfium.PdfPage, characters: _TextPageCharacters):
        self.order: dict[int, int] = {}
        for number in range(pdfium_c.FPDFPage_CountObjects(page)):
            obj = pdfium_c.FPDFPage_GetObject(page, number)
            if pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_TEXT:
                self.order[ctypes.cast(obj, ctypes.c_void_p).value or 0] = len(self.order)
        self.texts = _object_texts(self.order, characters)
        self.current: int | None = None
        self.position = 0

    def skipped_before(self, object_key: int, code: int) -> bool:
        """Whether the page draws a space that the text page skipped just before this character
        (``code``, drawn by the text object ``object_key``)."""
        ordinal = self.order.get(object_key)
        if ordinal is None:  # text inside a form: not walked
            self.current = None
            return False
        if ordinal == self.current:  # the common case: the object's next character, nothing skipped
            text, position = self.texts[ordinal], self.position
            if position < len(text) and ord(text[position]) == code:
                self.position = position + 1
                return False
        skipped = False
        if ordinal != self.current:
            if self.current is not None:
                # An object the text page holds nothing of drew only spaces: its own text is empty too.
                between = self.texts[self.current + 1:ordinal]
                skipped = ordinal > self.current and (" " in self.texts[self.current][self.position:]
                                                      or any(not text or " " in text for text in between))
            self.current, self.position = ordinal, 0
        text = self.texts[ordinal]
        found = text.find(chr(code) if code < 0x110000 else "\ufffd", self.position)
        if found < 0:
            return skipped
        skipped = skipped or " " in text[self.position:found]
        self.position = found + 1
        return skipped


def _restore_space(chars: list[dict[str, Any]], char: dict[str, Any]) -> None:
    """Put back a space glyph pdfium left out between two characters of a line.

    Where a text object ends in a space glyph and the next begins the word, pdfium
    drops the glyph and marks a generated space in its place; a space that overlaps
    the next letter it drops altogether (``_DrawnSpaces``). pdfminer keeps the glyph,
    and pdfplumber needs it: the gap alone (2-3 pt in a 11 pt line) is within its
    word tolerance. So such a space between two upright characters of one line comes
    back as a space character spanning the gap.
    """
    previous = chars[-1]
    if not (previous["upright"] and char["upright"] and abs(previous["top"] - char["top"]) < 1
            and char["x0"] >= previous["x1"] - 0.5 and previous["text"] != " "):
        return
    chars.append({**previous, "text": " ", "x0": previous["x1"], "x1": max(previous["x1"], char["x0"]),
                  "width": max(0.0, char["x0"] - previous["x1"]), "adv": max(0.0, char["x0"] - previous["x1"])})


def _subpaths(path: Any, matrix: Matrix) -> list[list[tuple[str, Point]]]:
    """The subpaths of a path object as (operator, device point) lists, in pdfminer's operators.

    pdfium hands a Bézier curve out as three points; pdfminer keeps only the end point
    of a ``c``. A segment that closes its subpath adds an ``h`` at the subpath's start.
    """
    subpaths: list[list[tuple[str, Point]]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    bezier = 0
    for number in range(pdfium_c.FPDFPath_CountSegments(path)):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, number)
        if not segment or not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        point = _apply(matrix, (x.value, y.value))
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([("m", point)])
            bezier = 0
        elif kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            bezier += 1
            if bezier % 3 == 0:
                subpaths[-1].append(("c", point))
        else:
            subpaths[-1].append(("l", point))
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            subpaths[-1].append(("h", subpaths[-1][0][1]))
    return subpaths


#: Corners this close (points) count as lying on one vertical or horizontal line.
ALIGNED = 0.01


def _axis_aligned(corners: list[Point]) -> bool:
    """Four corners, in drawing order, of a rectangle whose sides run along the axes, to within ``ALIGNED``.

    pdfminer asks for exact equality. A rectangle drawn through a matrix with a skew of
    float noise is not exact: Word pastes a spreadsheet range as a metafile (a form
    XObject placed by ``10.551 0 -0.000000047 5.2542 33.45 137.75 cm``), whose borders
    are thin filled ``re`` rectangles; their corners come out a millionth of a point
    apart, so they were curves, whose sides give no ruling edge, and the ruled table
    was lost (issue 14, first-sight batch E). A millionth of a point is no slant.
    """
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = corners

    def same(a: float, b: float) -> bool:
        return abs(a - b) <= ALIGNED

    return ((same(x0, x1) and same(y1, y2) and same(x2, x3) and same(y3, y0))
            or (same(y0, y1) and same(x1, x2) and same(y2, y3) and same(x3, x0)))


def _path_object(ops: list[tuple[str, Point]], paint: dict[str, Any], frame: _Frame) -> dict[str, Any]:
    """One subpath as pdfminer would report it: a ``line``, a ``rect`` or a ``curve``."""
    shape = "".join(op for op, _ in ops)
    pts = [p for _, p in ops]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape, pts = shape[:-2] + "h", pts[:-2] + pts[-1:]
    kind = "curve"
    if shape in ("mlh", "ml"):
        kind = "line"
    elif shape in ("mlllh", "mllll") and pts[0] == pts[4] and _axis_aligned(pts[:4]):
        kind = "rect"
    elif shape == "mlll" and paint["fill"] and not paint["stroke"] and _axis_aligned(pts):
        kind = "rect"  # filling closes a subpath (PDF 32000 8.5.3.3): a rule drawn "m l l l f"
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return {
        **paint,
        "object_type": kind,
        "page_number": frame.page.page_number,
        "pts": [frame.coord(p) for p in pts],
        "path": [(op, frame.coord(p)) for op, p in ops],
        **frame.box(min(xs), min(ys), max(xs), max(ys)),
    }


def _paint(path: Any) -> dict[str, Any] | None:
    """How a path is painted, or None for a path that is only a clip.

    Without colours, as characters: nothing reads them, and they were a tenth of the
    time of reading a page's paths.
    """
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(path, fill_mode, stroke):
        return None
    if fill_mode.value == pdfium_c.FPDF_FILLMODE_NONE and not stroke.value:
        return None
    width = ctypes.c_float()
    return {
        "stroke": bool(stroke.value),
        "fill": fill_mode.value != pdfium_c.FPDF_FILLMODE_NONE,
        "evenodd": fill_mode.value == pdfium_c.FPDF_FILLMODE_ALTERNATE,
        "linewidth": width.value if pdfium_c.FPDFPageObj_GetStrokeWidth(path, width) else 0.0,
        "dash": None,
    }


def page_paths(page: pdfium.PdfPage, frame: _Frame) -> dict[str, list[dict[str, Any]]]:
    """Painted paths of the page, forms included, as pdfplumber ``line``/``rect``/``curve`` dicts."""
    found: dict[str, list[dict[str, Any]]] = {"line": [], "rect": [], "curve": []}

    def walk(count: int, get, parent: Any, outer: Matrix, depth: int) -> None:
        for number in range(count):
            obj = get(parent, number)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM):
                continue
            matrix = _multiply(_matrix(pdfium_c.FPDFPageObj_GetMatrix, obj) or (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), outer)
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                if depth < MAX_FORM_DEPTH:
                    walk(pdfium_c.FPDFFormObj_CountObjects(obj), pdfium_c.FPDFFormObj_GetObject, obj, matrix, depth + 1)
                continue
            paint = _paint(obj)
            if paint is None:
                continue
            for ops in _subpaths(obj, matrix):
                if len(ops) > 1:
                    item = _path_object(ops, paint, frame)
                    found[item["object_type"]].append(item)

    walk(pdfium_c.FPDFPage_CountObjects(page), pdfium_c.FPDFPage_GetObject, page, frame.ctm, 0)
    return found


def page_objects(document: pdfium.PdfDocument, page: pdfplumber.page.Page) -> dict[str, list[dict[str, Any]]]:
    """pdfplumber's ``Page.objects`` for ``page``, read by pdfium from ``document`` (the same file)."""
    handle = document[page.page_number - 1]
    textpage = handle.get_textpage()
    try:
        mediabox = tuple(float(v) for v in handle.get_mediabox())
        frame = _Frame(page, page_ctm(mediabox, page.rotation))
        objects = page_paths(handle, frame)
        objects["char"] = page_chars(handle, textpage, frame)
    finally:
        textpage.close()
        handle.close()
    return {kind: items for kind, items in objects.items() if items}


def use_pdfium_objects(document: pdfium.PdfDocument, page: pdfplumber.page.Page) -> None:
    """Give ``page`` pdfium's objects, so that pdfplumber never runs pdfminer's interpreter on it.

    pdfplumber caches a page's parsed objects in ``Page._objects`` and parses only when
    that attribute is missing (``Page.objects``); ``flush_cache`` removes it again.
    pdfplumber's version is pinned below 0.12 in ``pyproject.toml`` for this reason.
    """
    page._objects = page_objects(document, page)
