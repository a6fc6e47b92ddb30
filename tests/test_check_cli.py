"""Tests of ``python -m analysis check``: JSON contract, plain tables, bad inputs, the seed."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_reconcile import SEED_CLAIMS, SEED_FIGURES, make_doc

from analysis.check_cli import build_json, format_tables
from analysis.checks import reconcile
from analysis.paths import DEFAULT_SEED, PROJECT_DIR

CONTRACT = {
    "figures": [
        "quote",
        "start",
        "end",
        "flow",
        "period",
        "value_usd",
        "half_width_usd",
        "reporter_iso3",
        "partner_iso3",
    ],
    "claims": ["quote", "start", "end", "kind", "stated", "recomputed", "verdict", "explanation"],
    "corrections": ["quote", "stated_value_usd", "suggested_value_usd", "reason"],
}


def run_check(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analysis", "check", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=PROJECT_DIR,
        check=False,
    )


def test_build_json_keeps_the_contract_keys_first_and_turns_nan_into_null():
    doc = make_doc(
        SEED_FIGURES, [*SEED_CLAIMS, ("rose", "pct_change", 3, 0.5, "balance", "2023", "2022")]
    )
    payload = build_json("<text>", reconcile(doc))
    assert list(payload) == ["document", "figures", "claims", "corrections"]
    for section, keys in CONTRACT.items():
        assert all(list(row)[: len(keys)] == keys for row in payload[section])
    unverifiable = payload["claims"][3]
    assert (unverifiable["verdict"], unverifiable["recomputed"]) == ("unverifiable", None)
    assert payload["corrections"] == [
        {
            "quote": "$384.3 billion",
            "stated_value_usd": 384.3e9,
            "suggested_value_usd": pytest.approx(384.3e6),
            "reason": payload["corrections"][0]["reason"],
            "figure_id": 5,
            "start": 500,
            "end": 514,
        }
    ]
    json.dumps(payload, allow_nan=False)  # raises on NaN or numpy types


def test_format_tables_lists_figures_claims_and_corrections():
    text = format_tables("<text>", reconcile(make_doc(SEED_FIGURES, SEED_CLAIMS)))
    lines = text.splitlines()
    assert lines[:3] == ["Document: <text>", "", "Figures (6)"]
    assert "Claims and totals (5)" in lines
    assert '  [consistent] pct_change: "decreased by 36 percent"' in lines
    assert '  "$384.3 billion": 384,300,000,000 → 384,300,000 USD' in lines


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("missing.txt", None, "missing"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (
            "latin1.txt",
            "Exports rose to \u00a35 million in Z\u00fcrich".encode("latin-1"),
            "not utf-8",
        ),
        (
            "tonnes.txt",
            b"Exports of wheat amounted to 1.2 million tonnes in 2023.\n",
            "no money figures",
        ),
        ("folder", "dir", "folder"),
    ],
)
def test_bad_input_exits_2_with_one_line_on_stderr(tmp_path, name, content, problem):
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    result = run_check(path, "--json")
    assert result.returncode == 2, problem
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n")
    assert str(path) in result.stderr
    assert "Traceback" not in result.stderr


def test_figures_but_nothing_checkable_exits_0_with_unverifiable_claims(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text(
        "Kazakhstan's exports to the UK rose by 10 percent to $702 million in 2023.\n",
        encoding="utf-8",
    )
    result = run_check(path, "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert [f["value_usd"] for f in payload["figures"]] == [702e6]
    assert [c["verdict"] for c in payload["claims"]] == ["unverifiable"]
    assert payload["corrections"] == []


SEED_FIGURE_ROWS = [  # (quote, flow, period, value_usd, half_width_usd)
    ("$1.18 billion", "turnover", "2023", 1.18e9, 5e6),
    ("$1.84 billion", "turnover", "2022", 1.84e9, 5e6),
    ("$702 million", "exports", "2023", 702e6, 5e5),
    ("$1.46 billion", "exports", "2022", 1.46e9, 5e6),
    ("$478.6 million", "imports", "2023", 478.6e6, 5e4),
    ("$384.3 billion", "imports", "2022", 384.3e9, 5e7),
]


def test_seed_end_to_end_json():
    result = run_check(DEFAULT_SEED, "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    text = DEFAULT_SEED.read_text(encoding="utf-8")
    assert payload["document"] == DEFAULT_SEED.name
    for section, keys in CONTRACT.items():
        assert all(set(keys) <= set(row) for row in payload[section])
    figures = payload["figures"]
    assert [
        (f["quote"], f["flow"], f["period"], f["value_usd"], f["half_width_usd"]) for f in figures
    ] == [
        (q, flow, period, pytest.approx(v), pytest.approx(h))
        for q, flow, period, v, h in SEED_FIGURE_ROWS
    ]
    assert all(text[f["start"] : f["end"]] == f["quote"] for f in figures)
    assert [(list(f)[-2:], f["scope"], f["balance_sign"]) for f in figures] == [
        (["scope", "balance_sign"], "all", None)
    ] * 6
    claims = payload["claims"]
    assert [c["scope"] for c in claims] == ["all"] * 5
    assert [(c["kind"], c["stated"], c["verdict"]) for c in claims] == [
        ("pct_change", -36.0, "consistent"),
        ("pct_change", -52.0, "consistent"),
        ("pct_change", 24.5, "consistent"),
        ("total", 1.18e9, "consistent"),
        ("total", 1.84e9, "consistent"),
    ]
    assert all(text[c["start"] : c["end"]] == c["quote"] for c in claims)
    assert [c["recomputed"] for c in claims] == pytest.approx(
        [
            (1.18 / 1.84 - 1) * 100,
            (702 / 1460 - 1) * 100,
            (478.6 / 384.3 - 1) * 100,
            1.1806e9,
            1.8443e9,
        ]
    )
    assert len(payload["corrections"]) == 1
    correction = payload["corrections"][0]
    assert (correction["quote"], correction["stated_value_usd"]) == ("$384.3 billion", 384.3e9)
    assert correction["suggested_value_usd"] == pytest.approx(384.3e6, rel=1e-12)
    assert correction["reason"].endswith(
        '"increased by 24.5 percent": 478.6m / (1 + 24.5%) = 384.4m; '
        "turnover 2022 1.84bn - exports 2022 1.46bn "
        "= 380m"
    )


def test_seed_end_to_end_plain_text():
    result = run_check(DEFAULT_SEED)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"Document: {DEFAULT_SEED.name}"
    assert sum(line.startswith("  [consistent]") for line in lines) == 5
    assert "Corrections (1)" in lines
    assert '  "$384.3 billion": 384,300,000,000 → 384,300,000 USD' in lines


# --- bad input, said plainly (issue 7, item 6); the texts below are invented edge cases -----------


def _one_error_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, result.stdout
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    return lines[0]


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_before_reading(tmp_path):
    import os

    fifo = tmp_path / "article.fifo"
    os.mkfifo(fifo)
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "check", str(fifo)],
        capture_output=True,
        text=True,
        cwd=PROJECT_DIR,
        timeout=60,  # reading a FIFO with no writer would block forever
        check=False,
    )
    assert "not a regular file" in _one_error_line(result)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused_before_reading():
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "check", "/dev/zero"],
        capture_output=True,
        text=True,
        cwd=PROJECT_DIR,
        timeout=60,
        check=False,
    )
    assert "not a regular file" in _one_error_line(result)


def test_digit_groups_that_make_no_number_are_unreadable_not_a_smaller_amount(tmp_path):
    path = tmp_path / "groups.txt"
    path.write_text("Exports to the UK were $1,2,3,4 million in 2023.\n", encoding="utf-8")
    line = _one_error_line(run_check(path, "--json"))
    assert '"$1,2,3,4 million" at offset 23 is unreadable' in line


def test_overflowing_amounts_are_reported_and_the_json_stays_valid(tmp_path):
    path = tmp_path / "overflow.txt"
    huge = "9" * 400
    path.write_text(
        f"Exports to the UK were $1.2 billion in 2023, not $1e308 billion or ${huge} million.\n",
        encoding="utf-8",
    )
    result = run_check(path, "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert [f["value_usd"] for f in payload["figures"]] == [1.2e9]
    assert [u["quote"] for u in payload["unreadable"]] == ["$1e308 billion", f"${huge} million"]


def test_arabic_indic_digits_and_odd_spaces_are_read_as_digits_and_spaces(tmp_path):
    path = tmp_path / "arabic.txt"
    # "$١٫١٨ billion" (Arabic-Indic digits, Arabic decimal separator); a zero-width space inside
    # "Exports"; a non-breaking space before "billion"; a narrow no-break space in "1 180.6"
    path.write_text(
        "Exports\u200b to the UK reached $\u0661\u066b\u0661\u0668 billion in 2023 and "
        "$0.5\u00a0billion in 2022. Imports were $1\u202f180.6 million in 2023.\n",
        encoding="utf-8",
    )
    payload = json.loads(run_check(path, "--json").stdout)
    figures = [(f["value_usd"], f["flow"], f["period"]) for f in payload["figures"]]
    assert figures == [
        (1.18e9, "exports", "2023"),
        (0.5e9, "exports", "2022"),
        (1180.6e6, "imports", "2023"),
    ]


def test_a_text_beyond_the_size_limit_is_refused_with_the_limit(monkeypatch):
    import analysis.loaders.news.reading as reading
    from analysis.loaders.news import NewsInputError, load_news

    monkeypatch.setattr(reading, "MAX_TEXT_CHARS", 1000)
    with pytest.raises(NewsInputError, match=r"too large \(1,001 characters; the limit is 1,000\)"):
        load_news("Exports were $1 billion. " + "x" * 976)


def test_a_failure_of_the_reader_itself_is_one_line_naming_the_code_line(
    tmp_path, monkeypatch, capsys
):
    """A bug (any exception the reader does not expect) is one stderr line, exit 1, no traceback."""
    import argparse

    from analysis import check_cli
    from analysis.loaders import news

    def broken(path):
        raise ArithmeticError("invented failure for this test")

    monkeypatch.setattr(news, "load_news", broken)
    path = tmp_path / "text.txt"
    path.write_text("Exports rose to $1.2 billion in 2023.", encoding="utf-8")
    assert check_cli.run(argparse.Namespace(path=path, json=True)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "internal error ArithmeticError: invented failure for this test" in err
    assert "test_check_cli.py:" in err and "please report it" in err


def test_the_figures_table_written_in_slices_is_the_whole_tables_text(monkeypatch):
    # invented rows: quotes of different widths (the widest with a line break and a tab, which
    # pandas shows escaped), a corrected value in one slice only, missing periods and countries
    import io

    import pandas as pd

    from analysis import check_cli

    quotes = [
        "$1 bn",
        "$1,234,567\n\tthousand",
        "US$\t7 billion",
        "$2bn",
        "£3",
        "$12,345,678 thousand",
    ]
    values = [1e9, 1234567e3, 7e9, 2e9, 3.0, 12345678e3]
    figures = pd.DataFrame(
        {
            "figure_id": range(len(quotes)),
            "quote": quotes,
            "flow": ["exports", "imports", "turnover", "balance", "exports", "other"],
            "period": ["2023", None, "2022-01/2022-06", "2023", None, "2021"],
            "reporter_iso3": ["KAZ", None, "GBR", "KAZ", "KAZ", None],
            "partner_iso3": ["GBR", "GBR", None, "WLD", "GBR", None],
            "value_usd": values,
            "half_width_usd": [5e8, 5e4, 5e8, 5e8, 0.5, 500.0],
            "corrected_value_usd": [1e9, 1234567e3, 7e9, 2e9, 3000.0, 12345678e3],
        }
    )
    whole = check_cli._figure_table(figures).to_string(index=False)
    monkeypatch.setattr(check_cli, "RECORDS_AT_ONCE", 2)
    out = io.StringIO()
    check_cli._write_figure_table(figures, out)
    assert out.getvalue() == whole


def test_the_streamed_json_is_json_dumps_of_the_whole_object_byte_for_byte():
    import io

    from analysis import check_cli
    from analysis.loaders.news import load_news

    doc = load_news(DEFAULT_SEED)
    result = reconcile(doc)
    payload = build_json(doc.name, result)
    payload["unreadable"] = list(check_cli._records(doc.unreadable, check_cli.UNREADABLE_KEYS))
    out = io.StringIO()
    check_cli.write_json(doc, result, out)
    assert out.getvalue() == json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    assert any(claim["figure_ids"] for claim in payload["claims"])  # lists are written too


def test_a_reader_that_stops_early_is_no_error(tmp_path):
    # "check … | head": the output is cut when the reader closes the pipe; exit 0, nothing on stderr
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join([DEFAULT_SEED.read_text(encoding="utf-8")] * 40), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "analysis", "check", str(path), "--json"],
        cwd=PROJECT_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout.read(100).startswith(b"{")
    process.stdout.close()  # far less than the whole output (over 64 KiB) was read
    assert process.wait(timeout=120) == 0
    assert process.stderr.read() == b""
