"""The ``summarize`` subcommand: totals, contributions, HS sections, mirror gaps of trade files."""

import argparse
import json
import re
import sys

import pandas as pd

from analysis.composition import compute_composition, compute_flow_totals
from analysis.loaders.schema import exclusions_of
from analysis.maths import compute_changes, pivot_flows
from analysis.mirror import CIF_FOB_CAVEAT, compute_mirror

FLOWS = ("exports", "imports", "turnover", "balance")
CONTRIBUTION_KEYS = (
    "flow",
    "base_value_usd",
    "value_usd",
    "change_usd",
    "change_pct",
    "contribution_pp",
)
SECTION_KEYS = (
    "hs_section",
    "hs_section_title",
    "flow",
    "base_value_usd",
    "value_usd",
    "change_usd",
    "change_pct",
    "contribution_pp",
    "turnover_contribution_pp",
    "share_pct",
)
MIRROR_KEYS = ("flow", "mirror_flow", "period", "reported_usd", "mirror_usd", "gap_usd", "gap_pct")
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
        table = load_trade_files(args.files)
        summary = summarize(table, reporter, partner, args.base, args.period)
    except (ValueError, OSError) as error:
        sys.stderr.write("analysis summarize: " + " ".join(str(error).split()) + "\n")
        return 2
    summary = {"files": [str(f) for f in args.files], **summary}
    if args.json:
        text = json.dumps(summary, ensure_ascii=False, indent=2, allow_nan=False)
    else:
        text = format_summary(summary)
    sys.stdout.write(text + "\n")
    return 0


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

    Args:
        table: Canonical trade table (e.g. from ``load_trade_files``).
        reporter: ISO3 of the reporter, whose own statistics give totals and composition.
        partner: ISO3 of the partner; its statistics, if in ``table``, give the mirror.
        base_period: The earlier period.
        period: The compared period.

    Returns:
        Keys ``reporter_iso3, partner_iso3, base_period, period, totals, contributions, by_section,
        mirror, mirror_caveat, exclusions`` (lists of JSON-ready dicts; NaN as None; US$ and
        percent units as in the column names). ``by_section`` is empty without commodity detail,
        ``mirror`` without the partner's own statistics.

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
    absent = [p for p in (base_period, period) if p not in periods]
    if absent:
        raise SummarizeInputError(
            f"period(s) {absent} not in the data for {reporter}→{partner}; "
            f"it has {_shorten(periods)}"
        )
    pair = pair[pair["period"].isin([base_period, period])]
    wide = pivot_flows(pair)
    long = wide.melt(
        id_vars=["reporter_iso3", "partner_iso3", "period"],
        value_vars=[f"{f}_usd" for f in FLOWS],
        var_name="flow",
        value_name="value_usd",
    )
    long["flow"] = long["flow"].str.removesuffix("_usd")
    extra = pair[~pair["flow"].isin(FLOWS)][long.columns]  # re-exports, re-imports: kept apart
    order = {p: i for i, p in enumerate((base_period, period))}
    flow_order = {f: i for i, f in enumerate((*FLOWS, "re_exports", "re_imports"))}
    long = pd.concat([long, extra], ignore_index=True)
    long = long.sort_values(
        ["period", "flow"], key=lambda s: s.map(order if s.name == "period" else flow_order)
    )
    changes = compute_changes(wide, base_period, period)
    composition = compute_composition(pair_rows(table, reporter, partner), base_period, period)
    mirror = compute_mirror(table, table, reporter, partner, [base_period, period])
    return {
        "reporter_iso3": reporter,
        "partner_iso3": partner,
        "base_period": base_period,
        "period": period,
        "totals": _records(long, ("reporter_iso3", "partner_iso3", "period", "flow", "value_usd")),
        "contributions": _records(changes, CONTRIBUTION_KEYS),
        "by_section": _records(composition, SECTION_KEYS),
        "mirror": _records(mirror, MIRROR_KEYS),
        "mirror_caveat": CIF_FOB_CAVEAT if not mirror.empty else "",
        "exclusions": _records(_pair_exclusions(table, reporter, partner), EXCLUSION_KEYS),
    }


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


def _pair_exclusions(table: pd.DataFrame, reporter: str, partner: str) -> pd.DataFrame:
    """Excluded rows of the files that concern the pair (either direction)."""
    excluded = exclusions_of(table)
    if excluded.empty or "reporter_iso3" not in excluded.columns:
        return pd.DataFrame(columns=list(EXCLUSION_KEYS))
    sides = excluded["reporter_iso3"].isin([reporter, partner]) & excluded["partner_iso3"].isin(
        [reporter, partner]
    )
    return excluded[sides]


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

    Args:
        summary: Output of :func:`summarize` (plus ``files``).

    Returns:
        Lines joined by newlines, without a trailing newline.
    """
    pair = f"{summary['reporter_iso3']} → {summary['partner_iso3']}"
    lines = [
        f"Trade of {pair}, {summary['base_period']} → {summary['period']}",
        f"Files: {', '.join(summary['files'])}",
        "",
    ]
    sections = (
        ("Totals (US$)", "totals"),
        ("Changes and contributions to turnover growth", "contributions"),
        ("By HS section", "by_section"),
        ("Mirror (partner's statistics)", "mirror"),
        ("Rows left out of the files for this pair", "exclusions"),
    )
    for title, key in sections:
        lines.append(title)
        rows = pd.DataFrame(summary[key])
        if rows.empty:
            lines += ["  (none: the files cannot give this)", ""]
            continue
        if key == "totals":
            rows = rows.pivot(index="flow", columns="period", values="value_usd").reindex(
                index=list(dict.fromkeys(r["flow"] for r in summary["totals"]))
            )
        legend = []
        if key == "by_section":
            titles = dict(zip(rows["hs_section"], rows["hs_section_title"], strict=True))
            legend = ["HS sections:", *(f"  {code:>5}  {title}" for code, title in titles.items())]
            rows = rows.drop(columns="hs_section_title")
        lines += [
            rows.to_string(index=key == "totals", formatters=_formatters(rows), na_rep="-"),
            *legend,
            "",
        ]
    if summary["mirror_caveat"]:
        lines.append("Why mirror figures differ: " + summary["mirror_caveat"])
    return "\n".join(lines).rstrip()


def _formatters(rows: pd.DataFrame) -> dict:
    """Column formatters: US$ with separators, percentages and points to 2 decimals."""

    def money(v: float | None) -> str:
        return "-" if v is None or pd.isna(v) else f"{v:,.0f}"

    def percent(v: float | None) -> str:
        return "-" if v is None or pd.isna(v) else f"{v:+.2f}"

    def share(v: float | None) -> str:
        return "-" if v is None or pd.isna(v) else f"{v:.2f}"

    return {
        c: share if c == "share_pct" else percent if str(c).endswith(("_pct", "_pp")) else money
        for c in rows.columns
        if str(c).endswith(("_usd", "_pct", "_pp")) or re.fullmatch(_PERIOD, str(c))
    }
