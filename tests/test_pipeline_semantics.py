"""What the pipeline must say beyond the values: disagreements, polarity, provenance, years."""
from __future__ import annotations

import json

from lkj.corpus.samples.expected import load_expected
from tests.conftest import CORPUS

SEED = "kpu-kab-lampung-utara-2024.pdf"


def _report(db, file_name: str) -> dict:
    return next(iter(db.query("select * from reports where file_name = ?", [file_name])))


def _warnings(db, file_name: str, code: str) -> list[str]:
    report = _report(db, file_name)
    return [r["message"] for r in db.query("select message from warnings where report_id = ? and code = ?", [report["id"], code])]


def test_cover_year_is_not_the_reporting_year(corpus_db):
    report = _report(corpus_db, SEED)
    assert (report["year"], report["cover_year"]) == (2024, 2025)


def test_every_expected_disagreement_is_a_warning_naming_both_values(corpus_db):
    for path in sorted((CORPUS / "born-digital").glob("*.expected.json")):
        expected = load_expected(path)
        messages = _warnings(corpus_db, expected["file"], "detail_disagrees")
        for item in expected.get("disagreements") or []:
            wanted = [m for m in messages if m.startswith(f"goal {item['goal_no']} {item['field']}:")
                      and repr(item["main"]) in m and repr(item["detail"]) in m]
            if not item["main"].strip() or not item["detail"].strip():
                # one table leaves the cell empty: the other's value is the only one printed, no
                # disagreement (issue 16), though the sample corpus's expected files list it
                assert not wanted, f"{expected['file']}: {wanted}"
                continue
            assert wanted, f"{expected['file']}: no warning for {item} in {messages}"


def test_seed_goals_2_8_11_disagree(corpus_db):
    goals = {m.split()[1] for m in _warnings(corpus_db, SEED, "detail_disagrees")}
    assert {"2", "8", "11"} <= goals


def test_blank_cells_stay_blank(corpus_db):
    report = _report(corpus_db, SEED)
    row = next(iter(corpus_db.query(
        "select * from indicators where report_id = ? and goal_no = '2'", [report["id"]])))
    assert (row["realization_raw"], row["realization"], row["achievement_raw"], row["achievement_pct"]) == ("", None, "", None)


def test_goal_carried_down_over_its_indicator_rows(corpus_db):
    report = _report(corpus_db, SEED)
    rows = list(corpus_db.query("select goal_no, goal from indicators where report_id = ? and goal_no = '15'", [report["id"]]))
    assert len(rows) == 3 and len({r["goal"] for r in rows}) == 1 and rows[0]["goal"].startswith("Persentase Sarana")


def test_grades_and_counts_keep_their_units(corpus_db):
    report = _report(corpus_db, SEED)
    grade = next(iter(corpus_db.query("select * from indicators where report_id = ? and goal_no = '3'", [report["id"]])))
    assert (grade["target_raw"], grade["target"], grade["target_unit"], grade["realization_unit"]) == ("B", None, "grade", "grade")
    count = next(iter(corpus_db.query("select * from indicators where report_id = ? and goal_no = '11'", [report["id"]])))
    assert (count["target"], count["target_unit"]) == (12.0, "kali")


def test_lower_is_better_recorded_as_polarity_not_warning(corpus_db):
    expected = load_expected(CORPUS / "born-digital" / "kpu-kota-surabaya-2020.expected.json")
    lower = [i["indicator"] for i in expected["indicators"] if i.get("lower_is_better")]
    assert lower, "the corpus must hold lower-is-better indicators"
    report = _report(corpus_db, expected["file"])
    rows = {r["indicator"]: r for r in corpus_db.query("select * from indicators where report_id = ?", [report["id"]])}
    mismatches = _warnings(corpus_db, expected["file"], "achievement_mismatch")
    for text in lower:
        row = rows[text]
        if row["achievement_pct"] is not None and row["target"] != row["realization"]:
            assert row["polarity"] == "lower_is_better", text
            assert not [m for m in mismatches if text[:40] in m], text


def test_deliberately_wrong_achievement_is_a_warning(corpus_db):
    for name in ("kpu-kota-surabaya-2020", "kpu-provinsi-jawa-barat-2022"):
        expected = load_expected(CORPUS / "born-digital" / f"{name}.expected.json")
        deliberate = [i for i in expected["indicators"] if "deliberate" in json.dumps(i.get("notes", "")).lower()]
        messages = _warnings(corpus_db, expected["file"], "achievement_mismatch")
        assert deliberate and messages
        for item in deliberate:
            assert any(item["achievement"]["raw"] in m for m in messages), (item["indicator"], messages)


def test_every_indicator_has_provenance(corpus_db):
    missing = list(corpus_db.query(
        "select count(*) n from indicators where page is null or table_id is null or report_id is null"))
    assert missing[0]["n"] == 0
    tables = list(corpus_db.query("select count(*) n from report_tables where is_main = 1"))
    assert tables[0]["n"] >= 7


def test_budget_totals_from_prose_when_no_table(corpus_db):
    report = _report(corpus_db, "kip-kab-aceh-besar-2021.pdf")
    assert report["budget_source"] == "prose" and report["budget_pagu"] > 0
