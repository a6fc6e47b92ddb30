"""The batch's index page: every partner's headline figures and a link to its report."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

WORLD_ISO3 = "WLD"


@dataclass(frozen=True)
class PartnerResult:
    """One partner's outcome: ``error`` is None when its report is current."""

    partner_iso3: str
    report: str  # report.html, relative to the batch folder
    error: str | None = None
    is_skipped: bool = False  # current already: not rebuilt


def compute_partner_headlines(table: pd.DataFrame, base_period: str, period: str) -> pd.DataFrame:
    """Every partner (World left out) with the UK's goods trade in ``period`` and its change.

    Args:
        table: The ONS goods table (``Sources.ons``: US$, partner names as the file writes them).
        base_period: The earlier year.
        period: The compared year.

    Returns:
        One row per partner, sorted by ISO3: ``partner_iso3``, ``partner_name``, ``exports_usd``
        (UK exports to the partner), ``imports_usd``, ``turnover_usd`` (all US$, ``period``),
        ``base_turnover_usd`` (US$, ``base_period``) and ``change_pct`` (turnover, %); NaN where
        the file has no value.
    """
    from analysis.maths import compute_changes, pivot_flows

    table = table[table["partner_iso3"].ne(WORLD_ISO3)]
    names = table.drop_duplicates("partner_iso3").set_index("partner_iso3")["partner_name"]
    changes = compute_changes(pivot_flows(table), base_period, period)
    changes = changes.set_index(["partner_iso3", "flow"])
    values = changes["value_usd"].unstack("flow")
    headlines = pd.DataFrame(
        {
            "partner_name": names,
            "exports_usd": values["exports"],
            "imports_usd": values["imports"],
            "turnover_usd": values["turnover"],
            "base_turnover_usd": changes["base_value_usd"].xs("turnover", level="flow"),
            "change_pct": changes["change_pct"].xs("turnover", level="flow"),
        }
    )
    return headlines.rename_axis("partner_iso3").sort_index().reset_index()


def _millions(value_usd: float) -> str:
    return "n/a" if math.isnan(value_usd) else f"{value_usd / 1e6:,.1f}"


def _percent(value: float) -> str:
    return "n/a" if math.isnan(value) else f"{value:+.1f}%".replace("-", "\u2212")


def build_index_html(
    results: Sequence[PartnerResult], headlines: pd.DataFrame, base_period: str, period: str
) -> str:
    """The batch's index page: one row per partner, sorted by name, with figures and a link.

    Names and errors are HTML-escaped; figures are US$ millions with one decimal; the page loads
    nothing from the network and holds no timestamp, so equal inputs give equal bytes. Its style
    is the reports' CSS file, inlined.

    Args:
        results: One result per partner to list.
        headlines: Output of :func:`compute_partner_headlines` (every listed partner in it).
        base_period: The earlier year.
        period: The compared year.

    Returns:
        The HTML text.
    """
    from analysis.loaders.ons import ATTRIBUTION
    from analysis.report.render import CSS_FILE

    figures = headlines.set_index("partner_iso3")
    names = figures["partner_name"]
    rows = []
    for result in sorted(results, key=lambda r: (names[r.partner_iso3].casefold(), r.partner_iso3)):
        iso3 = result.partner_iso3
        name = html.escape(names[iso3])
        row = figures.loc[iso3]
        cells = [
            _millions(row[c])
            for c in ("exports_usd", "imports_usd", "turnover_usd", "base_turnover_usd")
        ]
        cells.append(_percent(row["change_pct"]))
        numbers = "".join(f'<td class="num">{cell}</td>' for cell in cells)
        if result.error is None:
            link = html.escape(result.report, quote=True)
            first = f'<td><a href="{link}">{name}</a></td>'
            status = "<td>ok</td>"
        else:
            first = f"<td>{name}</td>"
            status = f'<td class="error">failed: {html.escape(result.error)}</td>'
        rows.append(f"<tr>{first}<td>{html.escape(iso3)}</td>{numbers}{status}</tr>")
    failed = sum(r.error is not None for r in results)
    title = f"UK goods trade with each partner, {base_period} to {period}"
    header = "".join(
        f'<th class="num">{h}</th>'
        for h in (
            f"UK exports to, {period}",
            f"UK imports from, {period}",
            f"Turnover, {period}",
            f"Turnover, {base_period}",
            "Turnover change",
        )
    )
    css = Path(CSS_FILE).read_text(encoding="utf-8")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>{css}</style>
</head>
<body>
<main>
<h1>{html.escape(title)}</h1>
<p>{len(results)} partners: {len(results) - failed} reports, {failed} failed.
Figures in US$ millions (goods, the UK's side); each partner's name links to its report.</p>
<table class="report-table">
<thead><tr><th>Partner</th><th>ISO3</th>{header}<th>Report</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
<p class="source">{html.escape(ATTRIBUTION)} Pounds converted to US dollars at the annual average
of the Federal Reserve H.10 daily rates.</p>
</main>
</body>
</html>
"""
