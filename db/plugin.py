"""lkj's Datasette plugin: every value beside its printed source, money as Indonesians read it.

Registered under the ``datasette`` entry point (``pyproject.toml``) and by ``lkj serve``
(which runs :func:`main`, so that it works before the package is re-installed). It adds:

* ``/-/lkj/row/<db>/<table>/<id>.png`` — the printed row of an ``indicators``,
  ``indicator_details`` or ``budget_programs`` row, cropped from its page (its
  ``box_*`` columns) and rendered from the PDF with pypdfium2; without a box, the
  whole page. Images are cached in the work folder (``<work>/crops/``), keyed by
  report, page and box, so a reloaded report never shows a stale crop.
* ``/-/lkj/pdf/<db>/<report_id>.pdf`` — the report's PDF, opened in the browser; links
  end in ``#page=N`` so the browser's viewer opens the page.
* ``/-/lkj/source/<table>/<id>`` — a redirect to the row's page in the database that holds
  it: the dashboard's points link here (a chart's query cannot know the database's name).
* cells: beside every indicator and budget row (tables, comparison views and canned
  queries, wherever a row carries ``page`` and its row's id) the printed row's image,
  linked to the row page, and a link opening the PDF at the page; ``report_id``,
  ``unit_id``, ``indicator_id`` and ``indicator_key`` of views and queries as links
  labelled by file or unit name; rupiah as ``Rp 77.452.486.000`` (exports keep integers); a warning's
  ``severity`` as a coloured label.
* SQL functions ``lkj_fts_query`` and ``lkj_stem`` (:mod:`lkj.db.search`) for the search
  queries.
"""
from __future__ import annotations

import asyncio
import importlib
import json
import re
import threading
from pathlib import Path
from urllib.parse import quote

from datasette import hookimpl
from datasette.utils.asgi import AsgiFileDownload, Response
from markupsafe import Markup, escape

from lkj.db.search import fts_query, stem_text

#: Tables whose rows have a printed box, and the column of a view or query row naming one of them.
ROW_TABLES = ("indicators", "indicator_details", "budget_programs", "spending")
ROW_ID_COLUMNS = {"indicator_id": "indicators", "program_id": "budget_programs"}
#: Columns holding rupiah: everywhere by name, and ``realization`` in the budget tables and views
#: (an indicator's ``realization`` is a count or a percentage).
MONEY_COLUMNS = {"pagu", "budget_pagu", "budget_realization", "remaining", "pagu_total", "realization_total"}
MONEY_TABLES = {"budget_programs": {"realization"}, "spending": {"realization"}, "budget_by_unit_year": {"realization"}}
#: Render scale of a crop: 2 = 144 dpi, sharp on a normal screen.
SCALE = 2.0
PAD = 3.0  # points around a row's box, so rules and descenders show
_HEX64 = re.compile(r"[0-9a-f]{64}")
#: Columns stored as JSON (reports.library_versions, report_tables.pages and columns): shown as lists.
JSON_COLUMNS = {"library_versions", "pages", "columns"}
_pdfium_lock = threading.Lock()  # pdfium is not thread-safe
#: A warning's severity as a coloured label: a failure stands out, a note does not.
SEVERITY_STYLES = {"failure": "background:#b00020;color:white", "warning": "background:#f5c400;color:black",
                   "info": "background:#e0e0e0;color:#333"}


def rupiah(value: int | float) -> str:
    """``77452486000`` → ``Rp 77.452.486.000`` (Indonesian thousands separator; sen after a comma when printed)."""
    whole = int(round(value))
    text = f"{abs(whole):,}".replace(",", ".")
    cents = round(abs(value) - abs(whole), 2) if isinstance(value, float) else 0
    if cents >= 0.01:
        text += f",{round(cents * 100):02d}"
    return f"Rp {'-' if value < 0 else ''}{text}"


# ----------------------------------------------------------------------- SQL functions


@hookimpl
def prepare_connection(conn) -> None:
    conn.create_function("lkj_fts_query", 1, fts_query, deterministic=True)
    conn.create_function("lkj_stem", 1, stem_text, deterministic=True)


# ----------------------------------------------------------------------- cells


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and (
            column in MONEY_COLUMNS or column in MONEY_TABLES.get(table, ())):
        return Markup(f'<span style="white-space:nowrap">{rupiah(value)}</span>')
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))  # a count of 150000 reads 150000, not 150000.0 (JSON keeps the float)
    if column in JSON_COLUMNS and isinstance(value, str) and value[:1] in "[{":
        return _json_list(value)
    if column == "severity" and value in SEVERITY_STYLES:
        return Markup(f'<span style="{SEVERITY_STYLES[value]};padding:0 .4em;border-radius:3px;white-space:nowrap">'
                      f'{escape(value)}</span>')
    keys = set(row.keys()) if hasattr(row, "keys") else set()
    if column == "page" and isinstance(value, int):
        source = _row_source(row, keys, table)
        if source:
            return _source_cell(datasette, database, *source, value, row["report_id"] if "report_id" in keys else None)
    if column == "id" and table in ROW_TABLES and isinstance(value, int) and "page" in keys and isinstance(row["page"], int):
        # a table page links its rows through a column of its own and never passes ``id`` here:
        # this is the row page, where the printed row comes first
        return Markup(f"{value}<br>") + _source_cell(datasette, database, table, value, row["page"],
                                                      row["report_id"] if "report_id" in keys else None, wide=True)
    if column == "report_id" and isinstance(value, str) and _HEX64.fullmatch(value):
        return _labelled_link(datasette, database, "reports", value, "select coalesce(file_name, id) from reports where id = ?")
    if column == "unit_id" and isinstance(value, str):
        return _labelled_link(datasette, database, "units", value, "select coalesce(name, id) from units where id = ?")
    if column in ROW_ID_COLUMNS and isinstance(value, int):
        path = datasette.urls.table(database, ROW_ID_COLUMNS[column])
        return Markup(f'<a href="{path}/{value}">{value}</a>')
    if column == "indicator_key" and isinstance(value, str):
        return Markup(f'<a href="{datasette.urls.table(database, "indicator_catalog")}/{quote(value)}">{escape(value)}</a>')
    return None


def _row_source(row, keys: set[str], table: str | None) -> tuple[str, int] | None:
    """The (table, id) of the printed row a result row shows, when it names one."""
    if table in ROW_TABLES and "id" in keys:
        return table, row["id"]
    for column, target in ROW_ID_COLUMNS.items():
        if column in keys and isinstance(row[column], int):
            return target, row[column]
    return None


def _source_cell(datasette, database: str, table: str, row_id: int, page: int, report_id: str | None,
                 wide: bool = False) -> Markup:
    base = datasette.urls.path(f"/-/lkj/row/{quote(database)}/{table}/{row_id}")
    row_page = f"{datasette.urls.table(database, table)}/{row_id}"
    pdf = (datasette.urls.path(f"/-/lkj/pdf/{quote(database)}/{report_id}.pdf") + f"#page={page}" if report_id
           else f"{base}/pdf")
    size = "max-width:60em" if wide else "width:26em;min-width:26em;max-height:8em;object-fit:contain;object-position:left top"
    return Markup(
        f'<a href="{row_page}" title="the row as printed (row page)"><img class="lkj-row" src="{base}.png" loading="lazy" '
        f'alt="row as printed on page {page}" style="display:block;{size};border:1px solid #ccc"></a>'
        f'<a href="{pdf}" title="open the PDF at this page">PDF p.&nbsp;{page}</a>')


def _json_list(text: str) -> Markup | None:
    """A JSON list or object as an HTML list (``["No", "no"]`` pairs as ``No: no``); ``None`` when not JSON."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if isinstance(data, dict):
        items = [f"{k}: {v}" for k, v in data.items()]
    elif isinstance(data, list):
        items = [": ".join(map(str, x)) if isinstance(x, list) else str(x) for x in data]
    else:
        return None
    if all(len(i) <= 4 for i in items):  # page numbers: one line
        return Markup(escape(", ".join(items)))
    return Markup("<ul style='margin:0;padding-left:1.2em'>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>")


#: Column descriptions fill half a screen above a view's rows: folded into a <details>, open on a click.
_FOLD_DESCRIPTIONS = """
document.querySelectorAll('dl.column-descriptions').forEach(function (dl) {
  var details = document.createElement('details'), summary = document.createElement('summary');
  summary.textContent = 'Column descriptions (keterangan kolom)';
  dl.parentNode.insertBefore(details, dl);
  details.appendChild(summary);
  details.appendChild(dl);
});"""


@hookimpl
def extra_body_script(view_name):
    return _FOLD_DESCRIPTIONS if view_name == "table" else None


_labels: dict[tuple[str, str, str], str] = {}  # Datasette serves the database immutable: labels never change


async def _labelled_link(datasette, database: str, table: str, key: str, sql: str) -> Markup:
    cache_key = (database, table, key)
    if cache_key not in _labels:
        rows = (await datasette.get_database(database).execute(sql, [key])).rows
        _labels[cache_key] = rows[0][0] if rows else key
    return Markup(f'<a href="{datasette.urls.table(database, table)}/{quote(key)}">{escape(_labels[cache_key])}</a>')


# ----------------------------------------------------------------------- routes


@hookimpl
def register_routes():
    tables = "|".join(ROW_TABLES)
    return [
        (rf"^/-/lkj/row/(?P<database>[^/]+)/(?P<table>{tables})/(?P<row_id>\d+)\.png$", row_image),
        (rf"^/-/lkj/row/(?P<database>[^/]+)/(?P<table>{tables})/(?P<row_id>\d+)/pdf$", row_pdf),
        (r"^/-/lkj/pdf/(?P<database>[^/]+)/(?P<report_id>[0-9a-f]{64})\.pdf$", report_pdf),
        (rf"^/-/lkj/source/(?P<table>{tables})/(?P<row_id>\d+)$", row_source),
    ]


async def row_source(request, datasette):
    """Redirect to a row's page, in the database that holds it: a dashboard chart links its points here.

    A chart's query cannot name the database it is served under (``lkj serve`` names it after the
    file), so a point links ``/-/lkj/source/indicators/<id>`` and the first served database whose
    ``table`` has the row answers.
    """
    table, row_id = request.url_vars["table"], int(request.url_vars["row_id"])
    for name, db in datasette.databases.items():
        if name.startswith("_") or not await db.table_exists(table):
            continue
        if (await db.execute(f"select 1 from [{table}] where id = ?", [row_id])).rows:
            return Response.redirect(f"{datasette.urls.table(name, table)}/{row_id}")
    return Response.text(f"no row {row_id} in {table}", status=404)


async def _source(datasette, database: str, table: str, row_id: int) -> dict | None:
    db = datasette.get_database(database)
    boxed = "box_x0" in await db.table_columns(table)  # a database made before boxes: the whole page
    box = "t.box_x0, t.box_top, t.box_x1, t.box_bottom" if boxed else "null as box_x0, null as box_top, null as box_x1, null as box_bottom"
    sql = f"select t.page, {box}, t.report_id, r.path from [{table}] t join reports r on r.id = t.report_id where t.id = ?"
    rows = (await db.execute(sql, [row_id])).rows
    return dict(rows[0]) if rows else None


def _pdf_path(datasette, database: str, stored: str | None) -> Path | None:
    """The report's file: as stored at load, or relative to the database's folder."""
    if not stored:
        return None
    path = Path(stored)
    db_path = datasette.get_database(database).path
    for candidate in (path, Path(db_path).parent / path if db_path else None):
        if candidate is not None and candidate.is_file():
            return candidate
    return None


def _work_folder(datasette, database: str) -> Path | None:
    """Where crops are cached: the plugin's ``work`` setting (``lkj serve --work``), else ``.lkj`` beside the database."""
    configured = (datasette.plugin_config("lkj") or {}).get("work")
    db_path = datasette.get_database(database).path
    if configured:
        return Path(configured)
    return Path(db_path).parent / ".lkj" if db_path else None


async def row_image(request, datasette):
    database, table, row_id = request.url_vars["database"], request.url_vars["table"], int(request.url_vars["row_id"])
    source = await _source(datasette, database, table, row_id)
    if source is None:
        return Response.text(f"no row {row_id} in {table}", status=404)
    pdf = _pdf_path(datasette, database, source["path"])
    if pdf is None:
        return Response.text(f"the PDF of this row is not at {source['path']!r} any more", status=404)
    box = tuple(source[k] for k in ("box_x0", "box_top", "box_x1", "box_bottom"))
    box = None if None in box else box
    name = f"p{source['page']}-" + ("-".join(f"{v:g}" for v in box) if box else "page") + ".png"
    work = _work_folder(datasette, database)
    cached = work / "crops" / source["report_id"] / name if work else None
    if cached is not None and cached.is_file():
        png = cached.read_bytes()
    else:
        png = await asyncio.to_thread(render_row, pdf, source["page"], box)
        if cached is not None:
            try:
                cached.parent.mkdir(parents=True, exist_ok=True)
                tmp = cached.with_suffix(".tmp")
                tmp.write_bytes(png)
                tmp.replace(cached)
            except OSError:
                pass  # a read-only work folder: serve the image uncached
    return Response(png, content_type="image/png", headers={"Cache-Control": "max-age=3600"})


def render_row(pdf: Path, page: int, box: tuple[float, float, float, float] | None) -> bytes:
    """PNG of ``box`` (x0, top, x1, bottom in points from the page's top left) on ``page`` (1-based), or the whole page."""
    import io

    import pypdfium2 as pdfium

    with _pdfium_lock:
        document = pdfium.PdfDocument(str(pdf))
        try:
            sheet = document[page - 1]
            width, height = sheet.get_size()
            crop = (0, 0, 0, 0)
            scale = SCALE if box else 0.5
            if box:
                x0, top, x1, bottom = box
                crop = (max(0.0, x0 - PAD), max(0.0, height - bottom - PAD), max(0.0, width - x1 - PAD), max(0.0, top - PAD))
            image = sheet.render(scale=scale, crop=crop).to_pil()
            sheet.close()
        finally:
            document.close()
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


async def report_pdf(request, datasette):
    database, report_id = request.url_vars["database"], request.url_vars["report_id"]
    rows = (await datasette.get_database(database).execute("select path from reports where id = ?", [report_id])).rows
    pdf = _pdf_path(datasette, database, rows[0][0]) if rows else None
    if pdf is None:
        return Response.text("the PDF of this report is not on this machine", status=404)
    return AsgiFileDownload(pdf, content_type="application/pdf")


async def row_pdf(request, datasette):
    """Redirect to the row's report PDF at the row's page (for rows whose view carries no ``report_id``)."""
    database, table, row_id = request.url_vars["database"], request.url_vars["table"], int(request.url_vars["row_id"])
    source = await _source(datasette, database, table, row_id)
    if source is None:
        return Response.text(f"no row {row_id} in {table}", status=404)
    url = datasette.urls.path(f"/-/lkj/pdf/{quote(database)}/{source['report_id']}.pdf") + f"#page={source['page']}"
    return Response.redirect(url)


# ----------------------------------------------------------------------- lkj serve


def ensure_registered() -> None:
    """Register this plugin with Datasette unless its entry point did (an install made before it existed)."""
    from datasette.plugins import pm

    if pm.get_plugin("lkj") is None:
        pm.register(importlib.import_module("lkj.db.plugin"), name="lkj")


def main() -> None:
    """``datasette`` with this plugin registered (``lkj serve`` runs ``python -m lkj.db.plugin serve ...``)."""
    from datasette.cli import cli

    ensure_registered()
    cli()


if __name__ == "__main__":
    main()
