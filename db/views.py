"""Comparison views: one indicator or budget per unit and year, and the archive's gaps.

Views rather than tables so that they are always current with the rows they read;
computed integer columns are ``cast(... as integer)``, which gives them an integer
affinity: Datasette passes a filter or facet value as text (``?n_years=0``), and only a
column with an affinity compares ``'0'`` equal to ``0``.
:func:`create_views` drops and recreates them, so a changed definition reaches old
databases. They read the indicator catalog (``db/catalog.py``), so they are created
after :func:`db.catalog.rebuild_catalog` (:func:`db.catalog.finish_database` does both).

Only performance reports feed the comparisons (``unit_year_reports`` and everything built
on it, ``coverage``, ``coverage_grid``): ``reports.document_type`` ``lkj``, or NULL where
the document's kind could not be read (it carries a ``document_type_unknown`` warning).
A Renstra, a PK, a Renaksi, an LRA or another document stays in ``reports``, marked by
its ``document_type``, and out of the comparisons: its targets are plans, not results.

* ``unit_year_reports`` — the one report used for a unit × year. An archive can hold
  several files for the same unit and year (a scan and the born-digital copy, an
  owner-locked duplicate): the best status wins (ok, partial, failed), then born-digital
  over scan (its text is printed, not read by OCR), then the most indicator rows, then
  the latest load; ``n_reports`` says how many there were.
* ``duplicate_reports`` — the other files of those unit × years, kept and marked, each
  with the report chosen instead.
* ``indicator_by_unit_year`` — one row per unit × year × indicator key, from that
  report; when a report prints the same indicator twice, its first row.
* ``budget_by_unit_year`` — pagu, realization and absorption per unit × year, with the
  first row of the report's budget table (``program_id``, ``page``) as its printed source.
* ``coverage`` — per unit of the gazetteer (all 553 KPU/KIP units, table ``kpu_units``)
  and every other unit loaded: the years with a usable report, and the years of the
  archive (its first to its last year over all reports) with none, so gaps and units
  with no report at all are visible.
* ``coverage_grid`` — unit × archive year: ok, partial, failed or missing, with the
  province and region code, for a province × year map of completeness.
* ``unresolved_reports`` — reports whose unit or year was not found: fix them with
  ``lkj correct`` (they are left out of the comparisons until then).
* ``indicator_by_unit_year``, ``budget_by_unit_year`` and ``coverage`` carry ``agency``
  and ``is_kpu`` (KPU or KIP, not a Dinas or Badan), to compare election commissions
  only.
* ``report_warnings`` — every warning with its severity (failure, warning, info) and its
  message in Indonesian (``pesan``, :mod:`lkj.db.messages`) beside the English one; failed
  reports first, then partial, then ok, and within a report failures, warnings, notes.
* ``indicator_labels`` — the indicator catalog with its unit of measure named ``satuan``:
  in the views ``unit`` is always the organisation (satuan kerja), and the measure is
  ``satuan`` (``target_unit`` and ``realization_unit`` are the units of one row's values).
  ``indicator_by_unit_year`` carries ``satuan`` too, and for graded indicators (SAKIP
  grades AA to D) the grades as printed, ``target_grade`` and ``realization_grade``.
* ``indicator_key_matches`` — every indicator row with its key and how it was
  matched (``indicators`` ⋈ ``indicator_keys`` ⋈ ``indicator_catalog``), for review.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from lkj.extract.document_kind import PERFORMANCE_REPORT

if TYPE_CHECKING:  # only in annotations; lkj export reads COMPARISON_VIEWS without loading sqlite-utils
    import sqlite_utils



def compared(alias: str = "") -> str:
    """SQL: the report (``alias.``) feeds the comparisons: a performance report, or one whose kind could not be read."""
    return f"coalesce({alias}document_type, '{PERFORMANCE_REPORT}') = '{PERFORMANCE_REPORT}'"


VIEWS: dict[str, str] = {
    "unit_year_reports": """
select unit_id, year, report_id, status, cast(n_reports as integer) as n_reports
from (
  select r.unit_id, r.year, r.id as report_id, r.status,
         count(*) over (partition by r.unit_id, r.year) as n_reports,
         row_number() over (
           partition by r.unit_id, r.year
           order by case r.status when 'ok' then 0 when 'partial' then 1 else 2 end,
                    coalesce(r.scanned, 0), coalesce(r.n_indicators, 0) desc, r.extracted_at desc, r.id
         ) as pick
  from reports r
  where r.unit_id is not null and r.year is not null and {r_compared}
)
where pick = 1""",
    "indicator_by_unit_year": """
with keyed as (
  select i.*, k.key, k.method, k.score,
         row_number() over (partition by i.report_id, k.key order by i.row_no, i.id) as nth
  from indicators i join indicator_keys k on k.indicator_id = i.id
)
select u.id as unit_id, u.name as unit, u.province, u.kind, uy.year,
       i.key as indicator_key, c.label, i.indicator,
       i.target, i.target_unit, i.realization, i.realization_unit, i.achievement_pct, i.achievement_computed,
       i.polarity, i.method as match_method, i.score as match_score, uy.report_id, i.id as indicator_id, i.page,
       u.agency, cast(coalesce(u.agency in ('KPU', 'KIP'), 0) as integer) as is_kpu,
       c.unit as satuan, i.target_raw, i.realization_raw,
       case when i.realization_unit = 'grade' then upper(trim(i.realization_raw)) end as realization_grade,
       case when i.target_unit = 'grade' then upper(trim(i.target_raw)) end as target_grade
from keyed i
join unit_year_reports uy on uy.report_id = i.report_id
join units u on u.id = uy.unit_id
join indicator_catalog c on c.key = i.key
where i.nth = 1""",
    "budget_by_unit_year": """
select u.id as unit_id, u.name as unit, u.province, u.kind, uy.year,
       r.budget_pagu as pagu, r.budget_realization as realization,
       coalesce(r.budget_absorption_pct,
                round(100.0 * r.budget_realization / nullif(r.budget_pagu, 0), 2)) as absorption_pct,
       r.budget_source, uy.report_id, p.id as program_id, p.page,
       u.agency, cast(coalesce(u.agency in ('KPU', 'KIP'), 0) as integer) as is_kpu
from unit_year_reports uy
join reports r on r.id = uy.report_id
join units u on u.id = uy.unit_id
left join budget_programs p on p.id = (select min(id) from budget_programs where report_id = uy.report_id)
where r.budget_pagu is not null or r.budget_realization is not null""",
    "coverage": """
with recursive loaded as (
  select unit_id, year, max(status in ('ok', 'partial')) as usable, count(*) as n_files
  from reports where unit_id is not null and year is not null and {compared}
  group by unit_id, year
),
archive(year, last_year) as (
  select min(year), max(year) from loaded
  union all
  select year + 1, last_year from archive where year < last_year
),
every_unit as (
  select id, name, province, kind, agency, region_code from kpu_units
  union all
  select id, name, province, kind, agency, region_code from units where id not in (select id from kpu_units)
),
span as (
  select unit_id, min(year) as first_year, max(year) as last_year, sum(n_files) as n_reports
  from loaded group by unit_id
),
usable as (
  select unit_id, count(*) as n_years, group_concat(year, ', ') as years
  from (select unit_id, year from loaded where usable order by unit_id, year) group by unit_id
),
failed as (
  select unit_id, group_concat(year, ', ') as years
  from (select unit_id, year from loaded where not usable order by unit_id, year) group by unit_id
),
missing as (
  select unit_id, count(*) as n_missing, group_concat(year, ', ') as years
  from (
    select u.id as unit_id, a.year from every_unit u cross join archive a
    left join loaded l on l.unit_id = u.id and l.year = a.year
    where a.year is not null and l.year is null order by u.id, a.year
  ) group by unit_id
)
select u.id as unit_id, u.name as unit, u.province, u.kind, cast(s.first_year as integer) as first_year,
       cast(s.last_year as integer) as last_year,
       cast(coalesce(ok.n_years, 0) as integer) as n_years, ok.years,
       cast(coalesce(m.n_missing, 0) as integer) as n_missing,
       m.years as missing_years, f.years as failed_years, cast(coalesce(s.n_reports, 0) as integer) as n_reports,
       u.agency, cast(coalesce(u.agency in ('KPU', 'KIP'), 0) as integer) as is_kpu, u.region_code
from every_unit u
left join span s on s.unit_id = u.id
left join usable ok on ok.unit_id = u.id
left join missing m on m.unit_id = u.id
left join failed f on f.unit_id = u.id""",
    "coverage_grid": """
with recursive loaded as (
  select unit_id, year, max(status = 'ok') as ok, max(status in ('ok', 'partial')) as usable, count(*) as n_files
  from reports where unit_id is not null and year is not null and {compared}
  group by unit_id, year
),
archive(year, last_year) as (
  select min(year), max(year) from loaded
  union all
  select year + 1, last_year from archive where year < last_year
),
every_unit as (
  select id, name, province, kind, agency, region_code from kpu_units
  union all
  select id, name, province, kind, agency, region_code from units where id not in (select id from kpu_units)
)
select u.id as unit_id, u.name as unit, u.province, u.kind, u.region_code, cast(a.year as integer) as year,
       case when l.year is null then 'missing' when l.ok then 'ok' when l.usable then 'partial' else 'failed' end as status,
       cast(coalesce(l.n_files, 0) as integer) as n_reports, u.agency, cast(coalesce(u.agency in ('KPU', 'KIP'), 0) as integer) as is_kpu
from every_unit u cross join archive a
left join loaded l on l.unit_id = u.id and l.year = a.year
where a.year is not null""",
    "unresolved_reports": """
select r.id as report_id, r.file_name, r.status, r.year, r.unit_name_printed, r.failure_reason, r.n_indicators,
       r.document_type,
       case when r.unit_id is null and r.year is null then 'unit and year'
            when r.unit_id is null then 'unit' else 'year' end as missing
from reports r
where r.unit_id is null or r.year is null""",
    "duplicate_reports": """
select r.id as report_id, r.unit_id, r.year, r.status, r.scanned, r.n_indicators, r.extracted_at,
       uy.report_id as chosen_report_id, uy.n_reports
from reports r
join unit_year_reports uy on uy.unit_id = r.unit_id and uy.year = r.year
where r.id <> uy.report_id and {r_compared}""",
    "report_warnings": """
select w.id as warning_id, w.report_id, r.status, u.name as unit, r.year, coalesce(c.severity, 'warning') as severity,
       w.code, w.page, w.pesan, w.message, w.stage, r.document_type
from warnings w
join reports r on r.id = w.report_id
left join units u on u.id = r.unit_id
left join warning_codes c on c.code = w.code
order by case r.status when 'failed' then 0 when 'partial' then 1 else 2 end,
         case coalesce(c.severity, 'warning') when 'failure' then 0 when 'warning' then 1 else 2 end,
         r.file_name, w.page, w.id""",
    "indicator_labels": """
select key as indicator_key, label, unit as satuan, n_reports, n_units
from indicator_catalog""",
    "indicator_key_matches": """
select i.id as indicator_id, i.report_id, i.indicator, k.key as indicator_key, c.label,
       k.method as match_method, k.score as match_score, i.page
from indicators i
join indicator_keys k on k.indicator_id = i.id
join indicator_catalog c on c.key = k.key""",
}

VIEWS = {name: sql.format(compared=compared(), r_compared=compared("r.")) for name, sql in VIEWS.items()}

#: The views researchers compare units with; ``lkj export`` writes these.
COMPARISON_VIEWS = ("indicator_by_unit_year", "budget_by_unit_year", "coverage", "coverage_grid")


def create_views(db: sqlite_utils.Database) -> None:
    """Drop and create every view of :data:`VIEWS` (idempotent)."""
    with db.atomic():
        for name, sql in VIEWS.items():
            db.execute(f"DROP VIEW IF EXISTS [{name}]")
            db.execute(f"CREATE VIEW [{name}] AS {sql.strip()}")
