"""Words about sources, as data: captions (publisher, series, edition), valuation bases, credits."""

# Editions of the files the project ships, by file name (a file not listed gets no edition).
EDITIONS = {
    "ons_uk_total_trade_all_countries_sa_annual.csv": "edition with data to Q2 2024",
    "ons_trade_in_goods_monthly_by_country_v65.json": "version 65, updated 2026-02-19",
}
ONS_ANNUAL_SERIES = (
    "Office for National Statistics (ONS), UK total trade: all countries, seasonally adjusted, "
    "annual, balance-of-payments basis"
)
ONS_MONTHLY_SERIES = (
    "Office for National Statistics (ONS), Trade in goods: country by commodity, monthly, not "
    "seasonally adjusted, trade-in-goods basis"
)
H10_SERIES = (
    "Board of Governors of the Federal Reserve System, H.10 release, series DEXUSUK (US$ per £, "
    "daily noon buying rates in New York, as distributed by FRED)"
)
# How each kind of source values trade; stated once in the report, as facts about the sources.
VALUATION = {
    "ons_annual": (
        "ONS annual figures (balance-of-payments basis): exports and imports both valued free on "
        "board (FOB), after balance-of-payments adjustments (change of ownership, coverage, "
        "non-monetary gold), seasonally adjusted; £ converted to US$ at the year's average H.10 "
        "rate."
    ),
    "ons_monthly": (
        "ONS monthly figures (trade-in-goods basis): goods crossing the UK border as recorded "
        "before the balance-of-payments adjustments, not seasonally adjusted; £ converted to US$ "
        "at the month's average H.10 rate."
    ),
    "text": (
        "The article's figures: it does not say where they come from or on which basis. National "
        "customs statistics (the usual source of such figures) commonly value exports FOB and "
        "imports including cost, insurance and freight (CIF)."
    ),
    "files": (
        "Official trade files (UN Comtrade, IMF): each reporter's customs figures, as a rule "
        "exports FOB and imports CIF."
    ),
}
MIRROR_REASONS = (
    "Timing: goods shipped in one year may be recorded by the importer in the next.",
    "Valuation: imports valued CIF include freight and insurance that the exporter's FOB figure "
    "leaves out; the ONS balance-of-payments figures value both flows FOB.",
    "Partner attribution: importers often record the country of origin, exporters the country of "
    "destination; goods routed through third countries, transit and re-exports can land under "
    "different partners.",
    "Non-monetary gold and precious metals: traded in large amounts through London and treated "
    "differently between customs and balance-of-payments statistics.",
    "Confidential trade: items one side suppresses or records without a partner.",
    "Currency conversion: each source converts at its own rates (here: annual or monthly averages "
    "of the H.10 daily rates).",
)
H10_CREDIT = (
    f"Exchange rates: {H10_SERIES}; averages of the daily rates, days without a rate skipped. "
    "Public domain."
)
ONS_CREDIT = (
    "Source: Office for National Statistics, UK total trade: all countries, seasonally adjusted. "
    "Contains public sector information licensed under the Open Government Licence v3.0."
)
ONS_MONTHLY_CREDIT = (
    "Source: Office for National Statistics, Trade in goods: country by commodity. Contains public "
    "sector information licensed under the Open Government Licence v3.0."
)


def caption(series: str, file_name: str) -> str:
    """A source line naming publisher, series and edition (when the file is a known one).

    Args:
        series: Publisher and series.
        file_name: The file read.

    Returns:
        "<series> (<edition>), file <name>".
    """
    edition = EDITIONS.get(file_name)
    return f"{series}{f' ({edition})' if edition else ''}; file {file_name}"
