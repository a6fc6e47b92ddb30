"""The text's section: its figures (numbered from 1), its claims as written and after correction."""

import math

import pandas as pd

from analysis.report import prose, tables
from analysis.report.formatting import format_cell, format_pct, format_table, format_usd
from analysis.report.model import Block, Table, Text

CLAIM_UNITS = {"pct_change": "%", "share": "%", "pp_change": "pp", "ratio": "times", "total": "US$"}


def _claim_value(kind: str, value: float) -> str:
    if value is None or pd.isna(value):
        return "n/a"
    if kind == "total":
        return format_usd(value)
    if kind == "ratio":
        return f"{value:.2f}\N{MULTIPLICATION SIGN}"
    if kind == "pp_change":
        return f"{format_pct(value)[:-1]} pp"
    return format_pct(value, plus=kind != "share")


def _recomputed(kind: str, point: float, low: float, high: float) -> str:
    """The recomputed value, with its interval only when the interval says something."""
    text = _claim_value(kind, point)
    low_text, high_text = _claim_value(kind, low), _claim_value(kind, high)
    if pd.isna(low) or low_text == high_text:
        return text
    return f"{text} ({low_text} to {high_text})"


def build_claims_table(claims: pd.DataFrame, as_written: pd.DataFrame) -> pd.DataFrame:
    """Each claim with its value as stated, recomputed as written and after corrections.

    Args:
        claims: Checked claims after corrections.
        as_written: The same claims checked without corrections (same order).

    Returns:
        ``quote``, ``kind``, ``unit``, ``stated``, ``recomputed_as_written``,
        ``verdict_as_written``, ``recomputed_corrected``, ``verdict_corrected`` (numbers in the
        claim's unit; verdicts in words).
    """
    return pd.DataFrame(
        {
            "quote": claims["quote"],
            "kind": claims["kind"],
            "unit": claims["kind"].map(CLAIM_UNITS),
            "stated": claims["stated"].astype(float),
            "recomputed_as_written": as_written["recomputed"].astype(float).to_numpy(),
            "verdict_as_written": as_written["verdict"].to_numpy(),
            "recomputed_corrected": claims["recomputed"].astype(float),
            "verdict_corrected": claims["verdict"],
        }
    ).reset_index(drop=True)


def _claims_display(claims: pd.DataFrame, as_written: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for c, w in zip(claims.itertuples(), as_written.itertuples(), strict=True):
        rows.append(
            (
                c.quote,
                c.kind.replace("_", " "),
                _claim_value(c.kind, c.stated),
                _recomputed(w.kind, w.recomputed, w.recomputed_low, w.recomputed_high),
                w.verdict,
                _recomputed(c.kind, c.recomputed, c.recomputed_low, c.recomputed_high),
                c.verdict,
            )
        )
    columns = [
        "claim (the article's words)",
        "kind",
        "stated",
        "recomputed as written",
        "verdict as written",
        "recomputed after correction",
        "verdict after correction",
    ]
    return pd.DataFrame(rows, columns=columns)


def build_figures_table(figures: pd.DataFrame) -> pd.DataFrame:
    """The text's money figures, numbered from 1, with the value as written and as used.

    Args:
        figures: The checker's figures table (with ``corrected_value_usd``).

    Returns:
        ``figure_number``, ``quote``, ``flow``, ``period``, ``reporter_iso3``, ``partner_iso3``,
        ``stated_value_usd``, ``used_value_usd``, ``sentence``.
    """
    return pd.DataFrame(
        {
            "figure_number": figures["figure_id"].astype(int) + 1,
            "quote": figures["quote"],
            "flow": figures["flow"],
            "period": figures["period"],
            "reporter_iso3": figures["reporter_iso3"],
            "partner_iso3": figures["partner_iso3"],
            "stated_value_usd": figures["value_usd"].astype(float),
            "used_value_usd": figures["corrected_value_usd"].astype(float),
            "sentence": figures["context"],
        }
    ).reset_index(drop=True)


def _millions_as_written(value: float, half_width: float) -> str:
    """US$ millions with the decimals the writing has: "$1.18 billion" → 1,180, "$478.6m" → 478.6.

    ``half_width`` is half a unit of the last written digit (US$).
    """
    if pd.isna(value):
        return "n/a"
    step = 2 * half_width / 1e6 if half_width and half_width > 0 else 1.0
    decimals = max(0, -math.floor(math.log10(step) + 1e-9))
    return format_cell("value_usd", value, {"value_usd": decimals})


def _figures_display(figures: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    shown = format_table(table)
    half = figures["half_width_usd"].astype(float).to_numpy()
    ratio = (table["used_value_usd"] / table["stated_value_usd"]).to_numpy()
    shown["stated value (US$ m)"] = [
        _millions_as_written(v, h) for v, h in zip(table["stated_value_usd"], half, strict=True)
    ]
    shown["used value (US$ m)"] = [
        _millions_as_written(v, h * r)
        for v, h, r in zip(table["used_value_usd"], half, ratio, strict=True)
    ]
    return shown


def build_text_blocks(text) -> list[Block]:
    """The blocks of the text's section.

    Args:
        text: :class:`analysis.report.sections.TextFindings`.

    Returns:
        Intro, figures table, claims table, corrections, and the change the figures give.
    """
    source = f"{text.name}, as the article states"
    corrected, written = text.corrected, text.as_written
    claims_display = _claims_display(corrected.claims, written.claims)
    figures_table = build_figures_table(corrected.figures)
    blocks: list[Block] = [
        Text(
            (
                "Every money figure of the article with its exact words, then every claim it makes "
                "(a change, share or ratio, and the totals its figures imply) recomputed from its "
                "own figures. Each written figure stands for an interval (half a unit of its last "
                "digit either side); a claim is consistent when the recomputed interval meets the "
                "stated one. Claims are shown as written and after the correction of probable "
                "slips.",
            )
        ),
        Table(
            "text-figures",
            0,
            "The article's money figures, with the precision they are written with (used: after "
            "correction)",
            source,
            figures_table,
            display=_figures_display(corrected.figures, figures_table),
        ),
        Table(
            "text-claims",
            0,
            "The article's claims, recomputed from its own figures, as written and after "
            "correction",
            source,
            build_claims_table(corrected.claims, written.claims),
            display=claims_display,
        ),
    ]
    fixes = corrected.corrections
    if fixes.empty:
        blocks.append(Text(("No correction: every figure is consistent as written.",)))
    else:
        blocks.append(
            Text(
                tuple(prose.write_correction_sentences(fixes, written.claims, corrected.claims)),
                "list",
            )
        )
        blocks.append(
            Table(
                "text-corrections",
                0,
                "Probable slips and the value the article's own figures imply",
                source,
                fixes[["quote", "stated_value_usd", "suggested_value_usd", "reason"]].reset_index(
                    drop=True
                ),
            )
        )
    if text.changes is not None:
        blocks.append(
            Table(
                "text-changes",
                0,
                "The change the article's figures give (after correction), with each flow's "
                "contribution to turnover's change",
                source,
                text.changes[tables.CHANGE_COLUMNS],
            )
        )
    return blocks
