"""Columns of the news figures and claims tables, and the codes their rows use."""

FIGURE_COLUMNS = (
    "document",
    "figure_id",
    "quote",
    "start",
    "end",
    "context",
    "flow",
    "period",
    "reporter_iso3",
    "partner_iso3",
    "value_usd",
    "half_width_usd",
    "qualifier",
    "scope",
    "balance_sign",
)
CLAIM_COLUMNS = (
    "document",
    "claim_id",
    "quote",
    "start",
    "end",
    "context",
    "kind",
    "stated",
    "stated_half_width",
    "qualifier",
    "flow",
    "whole_flow",
    "period",
    "base_period",
    "reporter_iso3",
    "partner_iso3",
    "value_figure_id",
    "base_figure_id",
    "scope",
)
UNREADABLE_COLUMNS = ("quote", "start", "end", "reason")
FLOWS = ("turnover", "exports", "imports", "balance", "other")
# all goods of the flow, one product or product group of it, or a change of the flow's value
SCOPES = ("all", "commodity", "change")
WORLD = "WLD"  # partner code of a country's trade with all countries ("total exports")
