"""Report charts in one style (US$ millions), as deterministic PNG without title or source.

The title and the source line are the HTML caption's and the notebook's (publisher, series,
edition), never drawn in the image, so they are not read twice.

Charts are built on ``matplotlib.figure.Figure`` directly (no pyplot state, no dependence on the
``MPLBACKEND`` of the environment) and returned as :class:`analysis.report.model.Chart`: PNG bytes
with the alternative text that says in words what the chart shows. Numbers are given later, in
reading order, by the builder.
"""

import io
import math
import textwrap

import matplotlib
import pandas as pd
from matplotlib.figure import Figure

from analysis.report.formatting import format_pp, format_usd
from analysis.report.model import Chart

COLORS = {
    "exports": "#1f5f8b",
    "imports": "#e07b39",
    "turnover": "#5b5b5b",
    "increase": "#4c9a5b",
    "decrease": "#c0392b",
    "stated": "#1f5f8b",
    "uk": "#8e6bb3",
    "coverage": "#222222",
}
STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "axes.axisbelow": True,
    "grid.color": "#dddddd",
    "legend.frameon": False,
    "svg.hashsalt": "analysis",
}
_SIZE_INCHES = (7.5, 4.2)
_DPI = 100
# Fixed margins (a layout engine costs more time than drawing): room for the y label and the
# tick labels.
_MARGINS = {"left": 0.1, "right": 0.97, "top": 0.95, "bottom": 0.12}


def _new_figure() -> tuple[Figure, matplotlib.axes.Axes]:
    with matplotlib.rc_context(STYLE):
        figure = Figure(figsize=_SIZE_INCHES, dpi=_DPI)
        figure.subplots_adjust(**_MARGINS)
        axes = figure.add_subplot()
    return figure, axes


def _finish(axes) -> None:
    with matplotlib.rc_context(STYLE):
        axes.set_ylabel("US$ millions")
        axes.yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))


def _label_bars(axes, bars, values, fmt: str = "{:,.1f}") -> None:
    for bar, value in zip(bars, values, strict=True):
        if not math.isnan(value):
            below = value < 0
            axes.annotate(
                fmt.format(value),
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                ha="center",
                va="top" if below else "bottom",
                fontsize=8,
                xytext=(0, -2 if below else 2),
                textcoords="offset points",
            )


def plot_bridge(
    changes: pd.DataFrame, base_period: str, period: str, title: str, source: str
) -> Chart:
    """Bridge (waterfall) from base-period turnover to compared-period turnover.

    Args:
        changes: From :func:`analysis.maths.compute_changes` for one pair (flows exports, imports,
            turnover).
        base_period: Earlier period (first bar).
        period: Compared period (last bar).
        title: Chart title (words of the alt text; the caption shows it, the image does not).
        source: Source line (the caption shows it; not drawn).

    Returns:
        The chart and its alternative text.
    """
    by = changes.set_index("flow")
    start, end = by.at["turnover", "base_value_usd"], by.at["turnover", "value_usd"]
    steps = [by.at["exports", "change_usd"], by.at["imports", "change_usd"]]
    labels = [
        f"Turnover {base_period}",
        "Change in exports",
        "Change in imports",
        f"Turnover {period}",
    ]
    figure, axes = _new_figure()
    running = start
    bottoms, heights, colors = [0.0], [start], [COLORS["turnover"]]
    for step in steps:
        bottoms.append(min(running, running + step))
        heights.append(abs(step))
        colors.append(COLORS["increase"] if step >= 0 else COLORS["decrease"])
        running += step
    bottoms.append(0.0)
    heights.append(end)
    colors.append(COLORS["turnover"])
    bars = axes.bar(
        range(4), [h / 1e6 for h in heights], 0.6, bottom=[b / 1e6 for b in bottoms], color=colors
    )
    texts = [start, steps[0], steps[1], end]
    for i, (bar, value) in enumerate(zip(bars, texts, strict=True)):
        sign = "" if i in (0, 3) else ("+" if value >= 0 else "\N{MINUS SIGN}")
        axes.annotate(
            f"{sign}{abs(value) / 1e6:,.0f}",
            (bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height()),
            ha="center",
            va="bottom",
            fontsize=8,
            xytext=(0, 2),
            textcoords="offset points",
        )
    for i in range(3):
        level = (bottoms[i] + heights[i] if i == 0 else start + sum(steps[:i])) / 1e6
        axes.plot([i + 0.3, i + 0.7], [level, level], color="#999999", linewidth=0.8)
    axes.set_xticks(range(4), labels)
    axes.margins(y=0.1)
    _finish(axes)
    alt = (
        f"Bridge chart, {title}. Turnover {format_usd(start)} in {base_period}; exports changed by "
        f"{format_usd(steps[0])} and imports by {format_usd(steps[1])}; turnover "
        f"{format_usd(end)} in {period}."
    )
    return _chart("bridge", figure, title, alt, source)


def plot_mirror(
    comparison: pd.DataFrame, text_label: str, official_label: str, title: str, source: str
) -> Chart:
    """Bars of each flow as the text states it and as the official statistics record it.

    Args:
        comparison: From :func:`analysis.report.tables.compare_text_with_official`.
        text_label: Legend of the text's bars ("As the article states").
        official_label: Legend of the official bars ("UK statistics (ONS)").
        title: Chart title (words of the alt text; the caption shows it, the image does not).
        source: Source line (the caption shows it; not drawn).

    Returns:
        The chart and its alternative text.
    """
    figure, axes = _new_figure()
    groups = [f"{row.flow.capitalize()} {row.period}" for row in comparison.itertuples()]
    positions = range(len(groups))
    width = 0.38
    series = (
        ("text_value_usd", text_label, "stated"),
        ("official_value_usd", official_label, "uk"),
    )
    for offset, (column, label, color) in zip((-width / 2, width / 2), series, strict=True):
        values = comparison[column].to_numpy() / 1e6
        bars = axes.bar(
            [p + offset for p in positions], values, width, label=label, color=COLORS[color]
        )
        _label_bars(axes, bars, values, "{:,.0f}")
    axes.set_xticks(list(positions), groups)
    axes.margins(y=0.12)
    axes.legend(loc="upper right")
    _finish(axes)
    words = "; ".join(
        f"{row.flow} {row.period}: {format_usd(row.text_value_usd)} in the text, "
        f"{format_usd(row.official_value_usd)} in the official figures ({row.official_flow})"
        for row in comparison.itertuples()
    )
    return _chart("text-vs-official", figure, title, f"Bar chart, {title}. {words}.", source)


def _chart(key: str, figure: Figure, title: str, alt_text: str, source: str) -> Chart:
    """The rendered chart, unnumbered (the builder numbers charts in reading order)."""
    return Chart(key, 0, title, alt_text, source, render_png(figure))


def render_png(figure: Figure) -> bytes:
    """Render a figure as PNG bytes, identical from run to run (no software or date metadata).

    Args:
        figure: The figure.

    Returns:
        The PNG file's bytes.
    """
    buffer = io.BytesIO()
    with matplotlib.rc_context(STYLE):
        figure.savefig(buffer, format="png", dpi=_DPI, metadata={"Software": None})
    return buffer.getvalue()


def plot_section_contributions(by_section: pd.DataFrame, title: str, source: str) -> Chart:
    """Horizontal bars: each HS section's contribution to the change in turnover, by flow (pp).

    Every bar is labelled with its points and its change in US$ millions; the bars of all
    sections and flows add up to turnover's change in percent. When only one flow has commodity
    detail, the bars are points of that flow's own change instead. Sections are sorted by the size
    of their contribution, the largest at the top.

    Args:
        by_section: :attr:`analysis.summary.OfficialTrade.by_section` (``hs_section``,
            ``hs_section_title``, ``flow``, ``change_usd``, ``turnover_contribution_pp``).
        title: Chart title (words of the alt text; the caption shows it, the image does not).
        source: Source line (the caption shows it; not drawn).

    Returns:
        The chart and its alternative text (every bar in words, largest first).
    """
    rows = by_section[by_section["flow"].isin(["exports", "imports"])]
    index = ["hs_section", "hs_section_title"]
    of_turnover = rows["turnover_contribution_pp"].notna().any()
    points = rows.pivot_table(
        index=index,
        columns="flow",
        values="turnover_contribution_pp" if of_turnover else "contribution_pp",
        aggfunc="sum",
    )
    money = rows.pivot_table(index=index, columns="flow", values="change_usd", aggfunc="sum")
    flows = [f for f in ("exports", "imports") if f in points.columns]
    size = points[flows].fillna(0.0).sum(axis=1).abs()
    order = list(size.sort_values(ascending=False, kind="stable").index)
    slots = len(order) * len(flows)
    height = 1.5 + 0.28 * slots
    margin = {"top": 1 - 0.45 / height, "bottom": 0.6 / height}
    figure, axes = _new_figure()
    figure.set_size_inches(_SIZE_INCHES[0], height)
    figure.subplots_adjust(left=0.38, right=0.97, **margin)
    width = 0.8 / len(flows)
    words = []
    with matplotlib.rc_context(STYLE):
        for i, flow in enumerate(flows):
            offset = (i - (len(flows) - 1) / 2) * width
            values = points.reindex(order)[flow].to_numpy()
            changes = money.reindex(order)[flow].to_numpy()
            positions = [p + offset for p in range(len(order))]
            bars = axes.barh(positions, values, width, color=COLORS[flow], label=flow.capitalize())
            for bar, value, change in zip(bars, values, changes, strict=True):
                if math.isnan(value):
                    continue
                label = f"{value:+.1f} pp ({change / 1e6:+,.1f})"
                axes.annotate(
                    label.replace("-", "\N{MINUS SIGN}"),
                    (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                    ha="left" if value >= 0 else "right",
                    va="center",
                    fontsize=8,
                    xytext=(3 if value >= 0 else -3, 0),
                    textcoords="offset points",
                )
        labels = [textwrap.shorten(f"{code} {name}", 40, placeholder="…") for code, name in order]
        axes.set_yticks(range(len(order)), labels, fontsize=9)
        axes.invert_yaxis()  # the largest contribution at the top
        axes.axvline(0, color="#666666", linewidth=0.8)
        axes.grid(axis="y", visible=False)
        axes.grid(axis="x", visible=True)
        low, high = min(0.0, points[flows].min().min()), max(0.0, points[flows].max().max())
        room = 0.7 * (high - low) or 1.0  # for the labels on either side
        axes.set_xlim(
            low - (room if low < 0 else 0.1 * room), high + (room if high > 0 else 0.1 * room)
        )
        whole = "turnover" if of_turnover else " and ".join(flows)
        axes.set_xlabel(f"points of the base year's {whole}; labels: pp (US$ millions)")
        axes.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=2)
    for code, name in order:
        for flow in flows:
            value = points.at[(code, name), flow]
            if not math.isnan(value):
                words.append(
                    f"section {code} ({name}) {flow} {format_pp(value)} "
                    f"({format_usd(money.at[(code, name), flow])})"
                )
    return _chart(
        "hs-sections",
        figure,
        title,
        f"Horizontal bar chart, {title}. " + "; ".join(words) + ".",
        source,
    )


def plot_monthly(
    table: pd.DataFrame, shift_months: dict[str, str | None], title: str, source: str
) -> Chart:
    """Lines of monthly exports and imports (£ millions), a dotted line at each shift month.

    Args:
        table: ``month`` ("YYYY-MM"), ``exports_gbp`` and ``imports_gbp`` (pounds), in order.
        shift_months: Flow → its shift month, or None.
        title: Chart title (words of the alt text; the caption shows it, the image does not).
        source: Source line (the caption shows it; not drawn).

    Returns:
        The chart and its alternative text (each flow's highest and lowest month, the shifts).
    """
    figure, axes = _new_figure()
    positions = list(range(len(table)))
    words = []
    with matplotlib.rc_context(STYLE):
        for flow in ("exports", "imports"):
            values = table[f"{flow}_gbp"].to_numpy() / 1e6
            axes.plot(positions, values, color=COLORS[flow], linewidth=1.8, label=flow.capitalize())
            top, low = int(values.argmax()), int(values.argmin())
            words.append(
                f"{flow}: highest £{values[top]:,.0f}m in {table['month'].iat[top]}, lowest "
                f"£{values[low]:,.0f}m in {table['month'].iat[low]}"
            )
            month = shift_months.get(flow)
            if month in set(table["month"]):
                at = list(table["month"]).index(month)
                axes.axvline(at, color=COLORS[flow], linestyle=":", linewidth=1.2)
                words.append(f"{flow} shift month {month} (dotted line)")
        januaries = [i for i, m in enumerate(table["month"]) if m.endswith("-01")]
        axes.set_xticks(januaries, [table["month"].iat[i][:4] for i in januaries])
        axes.set_xticks(positions, minor=True)
        axes.set_ylim(bottom=0)
        axes.legend(loc="best")
    _finish(axes)
    with matplotlib.rc_context(STYLE):
        axes.set_ylabel("£ millions")
    alt = f"Line chart, {title}. " + "; ".join(words) + "."
    return _chart("monthly", figure, title, alt, source)
