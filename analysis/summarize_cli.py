"""The ``summarize`` subcommand: totals, contributions, HS sections, mirror gaps of trade files."""

import argparse
import json
import math
import re
import sys

import pandas as pd

from analysis.composition import (
    COVERAGE_ALL,
    combine_coverage,
    compute_composition,
    compute_flow_totals,
    describe_coverage,
)
from analysis.loaders.schema import exclusions_of, read_notes_of
from analysis.maths import CHANGE_COLUMNS, compute_changes, pivot_flows
from analysis.mirror import CIF_FOB_CAVEAT, GAP_CONVENTION, MIRROR_COLUMNS, compute_mirror

FLOWS = ("exports", "imports", "turnover", "balance")
BASIS_COLUMNS = ("reported_basis", "mirror_basis")
SECTION_KEYS = (
    "hs_section",
    "hs_section_title",
    *CHANGE_COLUMNS,
    "turnover_contribution_pp",
    "share_pct",
)
MIRROR_KEYS = tuple(
    c for c in MIRROR_COLUMNS if c not in ("reporter_iso3", "partner_iso3", *BASIS_COLUMNS)
)
VALUATION_KEYS = ("flow", "reported_basis", "mirror_flow", "mirror_basis")
EXCLUSION_KEYS = (
    "file",
    "line",
    "reporter_iso3",
    "partner_iso3",
    "period",
    "flow",
    "commodity_code",
    "reason",
)
MISSING = "–"  # how the plain text writes a missing number
PROBLEM_KEYS = ("file", "line", "reporter_iso3", "partner_iso3", "period", "reason")
_PERIOD = r"\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?"


class SummarizeInputError(ValueError):
    """Bad command-line input: unknown country, malformed or absent period, no data for the pair."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare ``FILE...``, ``--reporter``, ``--partner``, ``--base``, ``--period`` and ``--json``.

    Args:
        parser: The ``summarize`` subcommand's parser.
    """
    parser.add_argument(
        "files",
        metavar="FILE",
        nargs="+",
        help="trade files: ONS, UN Comtrade+ (JSON or CSV), legacy Comtrade, IMF IMTS or tidy CSV",
    )
    parser.add_argument(
        "--reporter", required=True, metavar="ISO3", help="reporting country, e.g. KAZ"
    )
    parser.add_argument(
        "--partner", required=True, metavar="ISO3", help="partner country, e.g. GBR (WLD: World)"
    )
    parser.add_argument(
        "--base", required=True, metavar="PERIOD", help="earlier period, e.g. 2022 or 2022-04"
    )
    parser.add_argument(
        "--period", required=True, metavar="PERIOD", help="compared period, e.g. 2023"
    )
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object instead of tables"
    )


def run(args: argparse.Namespace) -> int:
    """Summarise the files for one pair and print the result on stdout.

    Args:
        args: Parsed options (see :func:`add_arguments`).

    Returns:
        0 on success; 2, with one line on stderr and no traceback, for a missing file, an unknown
        layout, bad codes or values in a file, an unknown ISO3 code, or a period absent from the
        data.
    """
    from analysis.loaders.tidy import load_trade_files

    try:
        reporter, partner = _check_arguments(args)
        periods = list(dict.fromkeys([args.base, args.period]))
        table = load_trade_files(args.files, reporter, partner, periods)
        summary = summarize(table, reporter, partner, args.base, args.period)
        summary = {"files": [str(f) for f in args.files], **summary}
        _check_finite(summary)
        if args.json:
            text = json.dumps(summary, ensure_ascii=False, indent=2, allow_nan=False)
        else:
            text = format_summary(summary)
    except (ValueError, OSError) as error:
        sys.stderr.write("analysis summarize: " + " ".join(str(error).split()) + "\n")
        return 2
    sys.stdout.write(text + "\n")
    return 0


def _check_finite(summary: dict) -> None:
    """Raise when a number of the summary is infinite (a sum that overflowed a float)."""
    for key in ("totals", "contributions", "by_section", "mirror"):
        for row in summary[key]:
            for column, value in row.items():
                if isinstance(value, float) and math.isinf(value):
                    raise SummarizeInputError(
                        f"{key}: {column} is infinite for {row.get('flow', '')} "
                        f"{row.get('period', '')}: the file values add up beyond a float's range "
                        "(1.8e308); check the files' units"
                    )


def _check_arguments(args: argparse.Namespace) -> tuple[str, str]:
    """Upper-cased reporter and partner codes, after checking them and the two periods."""
    from analysis.loaders.checks import is_iso3

    codes = [args.reporter.strip().upper(), args.partner.strip().upper()]
    for option, code in zip(("--reporter", "--partner"), codes, strict=True):
        if not is_iso3(pd.Series([code])).iloc[0]:
            raise SummarizeInputError(
                f"{option} {code!r}: unknown ISO3 country code (e.g. KAZ, GBR; WLD for World)"
            )
    if codes[0] == codes[1]:
        raise SummarizeInputError("--reporter and --partner must differ")
    for option, period in (("--base", args.base), ("--period", args.period)):
        if not re.fullmatch(_PERIOD, period):
            raise SummarizeInputError(
                f"{option} {period!r}: not a period (e.g. 2023, 2023-Q1, 2023-04)"
            )
    return codes[0], codes[1]


def summarize(
    table: pd.DataFrame, reporter: str, partner: str, base_period: str, period: str
) -> dict:
    """Totals, contributions, HS-section composition and mirror gaps for one pair, as records.

    When ``base_period`` equals ``period`` (a single-year file), levels, balance and shares are
    given and every change and contribution is None.

    Args:
        table: Canonical trade table (e.g. from ``load_trade_files``).
        reporter: ISO3 of the reporter, whose own statistics give totals and composition.
        partner: ISO3 of the partner; its statistics, if in ``table``, give the mirror.
        base_period: The earlier period.
        period: The compared period (may equal ``base_period``).

    Returns:
        Keys ``reporter_iso3, partner_iso3, base_period, period, totals, contributions, by_section,
        mirror, mirror_valuation, gap_convention, mirror_caveat, exclusions, problems, inputs``
        (lists of JSON-ready dicts; NaN as
        None; US$ and percent units as in the column names). Each total has ``coverage``: "all"
        (a TOTAL row) or the list of commodity codes summed, and ``coverage_text`` in words.
        ``by_section`` is empty without commodity detail, ``mirror`` without the partner's own
        statistics. ``problems`` lists bad rows of the files that the question does not need
        (other reporters, partners or periods); ``inputs`` each file's layout, encoding and notes.

    Raises:
        SummarizeInputError: No data reported by ``reporter`` for ``partner``, or a period absent.
    """
    totals = compute_flow_totals(table)
    pair = totals[totals["reporter_iso3"].eq(reporter) & totals["partner_iso3"].eq(partner)]
    if pair.empty:
        pairs = sorted(set(totals["reporter_iso3"] + "→" + totals["partner_iso3"]))
        raise SummarizeInputError(
            f"no data reported by {reporter} for partner {partner}; "
            f"the files hold {_shorten(pairs)}"
        )
    periods = sorted(set(pair["period"]))
    asked = list(dict.fromkeys([base_period, period]))
    absent = [p for p in asked if p not in periods]
    if absent:
        raise SummarizeInputError(
            f"period(s) {absent} not in the data for {reporter}→{partner}; "
            f"it has {_shorten(periods)}"
        )
    pair = pair[pair["period"].isin(asked)]
    wide = pivot_flows(pair)
    long = wide.melt(
        id_vars=["reporter_iso3", "partner_iso3", "period"],
        value_vars=[f"{f}_usd" for f in FLOWS],
        var_name="flow",
        value_name="value_usd",
    )
    long["flow"] = long["flow"].str.removesuffix("_usd")
    extra = pair[~pair["flow"].isin(FLOWS)][[*long.columns, "coverage"]]  # re-exports: apart
    long = long.merge(
        _derived_coverage(pair), on=["period", "flow"], how="left", validate="one_to_one"
    )
    order = {p: i for i, p in enumerate(asked)}
    flow_order = {f: i for i, f in enumerate((*FLOWS, "re_exports", "re_imports"))}
    long = pd.concat([long, extra], ignore_index=True)
    long = long.sort_values(
        ["period", "flow"], key=lambda s: s.map(order if s.name == "period" else flow_order)
    )
    changes = compute_changes(wide, base_period, period)
    if base_period == period:
        changes[["change_usd", "change_pct", "contribution_pp"]] = float("nan")
    composition = compute_composition(pair_rows(table, reporter, partner), base_period, period)
    mirror = compute_mirror(table, table, reporter, partner, asked)
    records = _records(long, ("reporter_iso3", "partner_iso3", "period", "flow", "value_usd"))
    for record, coverage in zip(records, long["coverage"], strict=True):
        if record["value_usd"] is None or not isinstance(coverage, str):
            record["coverage"], record["coverage_text"] = None, "no data"
            continue
        record["coverage"] = COVERAGE_ALL if coverage == COVERAGE_ALL else coverage.split()
        record["coverage_text"] = describe_coverage(coverage)
    excluded = exclusions_of(table)
    return {
        "reporter_iso3": reporter,
        "partner_iso3": partner,
        "base_period": base_period,
        "period": period,
        "totals": records,
        "contributions": _records(changes, CHANGE_COLUMNS),
        "by_section": _records(composition, SECTION_KEYS),
        "mirror": _records(mirror, MIRROR_KEYS),
        "mirror_valuation": _records(
            mirror.drop_duplicates(["flow", "mirror_flow"]), VALUATION_KEYS
        ),
        "gap_convention": GAP_CONVENTION if not mirror.empty else "",
        "mirror_caveat": CIF_FOB_CAVEAT if not mirror.empty else "",
        "exclusions": _records(
            _pair_exclusions(excluded, reporter, partner, asked), EXCLUSION_KEYS
        ),
        "problems": _records(_other_problems(excluded), PROBLEM_KEYS),
        "inputs": read_notes_of(table),
    }


def _derived_coverage(pair: pd.DataFrame) -> pd.DataFrame:
    """``coverage`` of exports and imports per period, and of turnover and balance (both)."""
    rows = []
    for period, group in pair.groupby("period"):
        by_flow = dict(zip(group["flow"], group["coverage"], strict=True))
        both = [by_flow[f] for f in ("exports", "imports") if f in by_flow]
        for flow in FLOWS:
            coverage = by_flow.get(flow) if flow in ("exports", "imports") else None
            if flow not in ("exports", "imports"):
                coverage = combine_coverage(both) if both else None
            rows.append({"period": period, "flow": flow, "coverage": coverage})
    return pd.DataFrame(rows, columns=["period", "flow", "coverage"])


def pair_rows(table: pd.DataFrame, reporter: str, partner: str) -> pd.DataFrame:
    """The rows a reporter gives for one partner.

    Args:
        table: Canonical trade table.
        reporter: ISO3 of the reporter.
        partner: ISO3 of the partner.

    Returns:
        The matching rows of ``table`` (index kept).
    """
    return table[table["reporter_iso3"].eq(reporter) & table["partner_iso3"].eq(partner)]


def _errors(excluded: pd.DataFrame) -> pd.Series:
    """True for exclusions that are bad rows (``is_error``), False for rows left out on purpose."""
    if "is_error" not in excluded.columns:
        return pd.Series(False, index=excluded.index)
    return excluded["is_error"].fillna(False).astype(bool)


def _pair_exclusions(
    excluded: pd.DataFrame, reporter: str, partner: str, periods: list[str]
) -> pd.DataFrame:
    """Rows left out on purpose that concern the pair (either direction) in the asked periods."""
    if excluded.empty or "reporter_iso3" not in excluded.columns:
        return pd.DataFrame(columns=list(EXCLUSION_KEYS))
    sides = excluded["reporter_iso3"].isin([reporter, partner]) & excluded["partner_iso3"].isin(
        [reporter, partner]
    )
    asked = excluded["period"].isin(periods) | excluded["period"].isna()
    return excluded[sides & asked & ~_errors(excluded)]


def _other_problems(excluded: pd.DataFrame) -> pd.DataFrame:
    """Bad rows the question does not need (``load_trade_files`` refuses those it needs)."""
    if excluded.empty:
        return pd.DataFrame(columns=list(PROBLEM_KEYS))
    return excluded[_errors(excluded)]


def _shorten(items: list[str], limit: int = 12) -> str:
    """A list for a one-line message, cut after ``limit`` items."""
    return ", ".join(items[:limit]) + (f", … ({len(items)} in all)" if len(items) > limit else "")


def _records(table: pd.DataFrame, keys: tuple[str, ...]) -> list[dict]:
    """Rows as dicts of plain Python values (NaN → None), keys in the given order."""
    columns = [k for k in keys if k in table.columns]
    rows = table[columns].astype(object).where(table[columns].notna(), None)
    return [
        {k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()}
        for row in rows.to_dict("records")
    ]


def format_summary(summary: dict) -> str:
    """Plain-text tables of a summary (US$ with thousands separators, percentages to 2 decimals).

    Missing values are written "–"; what each total covers is said beside it.

    Args:
        summary: Output of :func:`summarize` (plus ``files``).

    Returns:
        Lines joined by newlines, without a trailing newline.
    """
    pair = f"{summary['reporter_iso3']} → {summary['partner_iso3']}"
    same = summary["base_period"] == summary["period"]
    when = summary["period"] if same else f"{summary['base_period']} → {summary['period']}"
    lines = [
        f"Trade of {pair}, {when}" + (" (one period: levels only, no change)" if same else ""),
        f"Files: {', '.join(summary['files'])}",
    ]
    for item in summary.get("inputs", []):
        read = f"  {item['file']}: {item['layout']}"
        read += f", encoding {item['encoding']}" if item.get("encoding") else ""
        lines.append(read + "".join(f"; {note}" for note in item.get("notes", [])))
    lines.append("")
    changes = (
        "Levels (one period: changes and contributions are empty)"
        if same
        else "Changes and contributions to turnover growth"
    )
    sections = (
        ("Totals (US$)", "totals"),
        (changes, "contributions"),
        ("By HS section", "by_section"),
        ("Mirror (partner's statistics)", "mirror"),
        ("Rows left out of the files for this pair", "exclusions"),
        ("Bad rows not needed for this question (left out, listed)", "problems"),
    )
    for title, key in sections:
        records = summary.get(key, [])
        if key == "problems" and not records:
            continue
        lines.append(title)
        rows = pd.DataFrame(records)
        if rows.empty:
            empty = "(none)" if key == "exclusions" else "(none: the files cannot give this)"
            lines += [f"  {empty}", ""]
            continue
        legend = []
        if key == "totals":
            covers = rows.groupby("flow", sort=False)["coverage_text"].agg(
                lambda t: "; ".join(dict.fromkeys(t))
            )
            rows = rows.pivot(index="flow", columns="period", values="value_usd").reindex(
                index=list(dict.fromkeys(r["flow"] for r in records))
            )
            rows.columns = [str(c) for c in rows.columns]
            rows["covers"] = covers.reindex(rows.index)
        if key == "by_section":
            titles = dict(zip(rows["hs_section"], rows["hs_section_title"], strict=True))
            legend = ["HS sections:", *(f"  {code:>5}  {title}" for code, title in titles.items())]
            rows = rows.drop(columns="hs_section_title")
        if key == "mirror":
            legend = [_indent(summary["gap_convention"]), *_basis_lines(summary)]
        formatters = _formatters(rows)
        rows = rows.astype(object).where(rows.notna(), None)
        for column in rows.columns:
            rows[column] = rows[column].map(formatters[column])
        text = rows.to_string(index=key == "totals")
        lines += [text, *legend, ""]
    if summary["mirror_caveat"]:
        lines.append("Why mirror figures differ: " + summary["mirror_caveat"])
    return "\n".join(lines).rstrip()


def _basis_lines(summary: dict) -> list[str]:
    """One line per mirrored flow naming both sides' valuation basis."""
    return [
        f"  valuation: {r['flow']} {r['reported_basis']} beside the partner's "
        f"{r['mirror_flow']} {r['mirror_basis']}"
        for r in summary.get("mirror_valuation", [])
    ]


def _indent(text: str) -> str:
    """A sentence as an indented legend line ("" stays "")."""
    return f"  {text}" if text else ""


def _formatters(rows: pd.DataFrame) -> dict:
    """Column formatters: US$ with separators, percentages and points to 2 decimals, "–" if none."""

    def missing(v: object) -> bool:
        return v is None or (isinstance(v, float) and math.isnan(v))

    def money(v: float | None) -> str:
        return MISSING if missing(v) else f"{v:,.0f}"

    def percent(v: float | None) -> str:
        return MISSING if missing(v) else f"{v:+.2f}"

    def share(v: float | None) -> str:
        return MISSING if missing(v) else f"{v:.2f}"

    def text(v: object) -> str:
        return MISSING if missing(v) else str(v)

    def pick(column: str) -> object:
        if column == "share_pct":
            return share
        if column.endswith(("_pct", "_pp")):
            return percent
        if column.endswith("_usd") or re.fullmatch(_PERIOD, column):
            return money
        return text

    return {c: pick(str(c)) for c in rows.columns}
