"""The report's inputs, their loading and validation, and ``build_report_data``: ReportData, once.

``load_sources(inputs)`` reads and validates every input with the package's own loaders before any
kernel starts, raising :class:`InputError` (one line: which file or parameter, what is wrong, how to
fix it). ``build_report_data(sources)`` computes every table, sentence and chart of the report; it
is pure and deterministic, and its result is picklable. The news reader and the claim checker are
imported here and nowhere else in the report package.
"""

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.loaders.cache import load_cached
from analysis.report.model import OFFICIAL_ISO3, SECTION_TITLES, Chart, ReportData, Section, Table

DEFAULT_TEXTS = {("KAZ", "GBR"): paths.DEFAULT_SEED}  # the text a pair gets when none is given
_SPECIAL_ISO3 = {"XKX"}  # Kosovo: no ISO 3166 code; the ONS files use it


class InputError(ValueError):
    """An input that cannot make a report; the message is one line: where, what, how to fix."""


@dataclass(frozen=True)
class ReportInputs:
    """What one report is about and which files it reads (paths absolute or project-relative)."""

    reporter_iso3: str
    partner_iso3: str
    base_period: str
    period: str
    text_path: Path | None = None
    ons_path: Path = paths.ONS_TRADE_FILE
    fx_path: Path = paths.FX_USD_PER_GBP_FILE
    monthly_path: Path | None = paths.ONS_MONTHLY_TRADE_FILE
    trade_files: tuple[Path, ...] = ()


@dataclass(frozen=True)
class Sources:
    """Every input loaded and validated: what :func:`build_report_data` computes from.

    ``ons`` is the annual ONS table (all partners, US$ and £, with each year's H.10 rate),
    ``monthly`` the monthly ONS table (None without the file), ``document`` the news text (None
    without one), ``trade`` the official trade files as one canonical table (None without files),
    ``checksums`` (label, file name, SHA-256) of every file read; ``monthly_partner_iso3`` the one
    partner whose monthly rows were kept (None: all partners); ``ons_exclusions`` the ONS rows the
    loader left out (a malformed row fails only the report whose partner it belongs to).
    """

    inputs: ReportInputs
    ons: pd.DataFrame
    names: dict[str, str]
    monthly: pd.DataFrame | None = None
    document: object | None = None
    trade: pd.DataFrame | None = None
    checksums: tuple[tuple[str, str, str], ...] = field(default=())
    monthly_partner_iso3: str | None = None  # the one partner ``monthly`` holds; None: all
    ons_by_partner: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)
    ons_exclusions: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)

    def ons_rows(self, partner_iso3: str) -> pd.DataFrame:
        """The UK's annual rows with one partner (every year), from a table split once.

        Args:
            partner_iso3: The UK's partner.

        Returns:
            Its rows of ``ons``, sorted by period and flow, plain ``attrs``.
        """
        if partner_iso3 not in self.ons_by_partner:  # a Sources built by hand: filter now
            rows = self.ons[self.ons["partner_iso3"].eq(partner_iso3)]
            return rows.sort_values(["period", "flow"], ignore_index=True)
        return self.ons_by_partner[partner_iso3]


def default_text_path(reporter_iso3: str, partner_iso3: str) -> Path | None:
    """The news text a pair uses when none is given: the seed for KAZ–GBR only.

    Args:
        reporter_iso3: Reporter (ISO3).
        partner_iso3: Partner (ISO3).

    Returns:
        The text's path, or None (the report is then official statistics only).
    """
    return DEFAULT_TEXTS.get((reporter_iso3.upper(), partner_iso3.upper()))


def _absolute(path: Path) -> Path:
    path = Path(path)
    return path if path.is_absolute() else paths.PROJECT_DIR / path


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())


def _check_codes(inputs: ReportInputs) -> None:
    import pycountry

    for label, code in (("reporter", inputs.reporter_iso3), ("partner", inputs.partner_iso3)):
        if code not in _SPECIAL_ISO3 and (
            len(code) != 3 or pycountry.countries.get(alpha_3=code) is None
        ):
            raise InputError(
                f"{label} {code!r}: not an ISO 3166 alpha-3 country code; use e.g. KAZ, GBR, DEU"
            )
    if inputs.reporter_iso3 == inputs.partner_iso3:
        raise InputError(
            f"reporter and partner are both {inputs.reporter_iso3}: give two countries"
        )
    if OFFICIAL_ISO3 not in (inputs.reporter_iso3, inputs.partner_iso3):
        raise InputError(
            f"{inputs.reporter_iso3}-{inputs.partner_iso3}: the official statistics are the UK's "
            "(ONS), so one of the pair must be GBR; e.g. reporter GBR, partner "
            f"{inputs.partner_iso3}"
        )
    if not inputs.base_period < inputs.period:
        raise InputError(
            f"base period {inputs.base_period} must be earlier than period {inputs.period}"
        )


def _check_file(label: str, path: Path) -> Path:
    path = _absolute(path)
    if not path.is_file():
        raise InputError(f"{label} {path}: no such file; give the path of an existing file")
    return path


def load_sources(inputs: ReportInputs, shared: Sources | None = None) -> Sources:
    """Load and validate every input of a report, before anything runs.

    Args:
        inputs: The report's parameters and files.
        shared: Sources already loaded for another pair with the same ONS, rate and monthly
            files: their tables and checksums are reused (nothing is read again).

    Returns:
        The loaded sources.

    Raises:
        InputError: A code, period or file that cannot make the report (one line, with a fix).
    """
    inputs = replace(
        inputs,
        reporter_iso3=inputs.reporter_iso3.upper(),
        partner_iso3=inputs.partner_iso3.upper(),
    )
    _check_codes(inputs)
    counterpart = (
        inputs.partner_iso3 if inputs.reporter_iso3 == OFFICIAL_ISO3 else inputs.reporter_iso3
    )
    same = (
        shared is not None
        and (shared.inputs.ons_path, shared.inputs.fx_path, shared.inputs.monthly_path)
        == (inputs.ons_path, inputs.fx_path, inputs.monthly_path)
        and shared.monthly_partner_iso3 in (None, counterpart)
    )
    base = shared if same else load_official_sources(inputs, counterpart)
    if counterpart not in base.names:
        raise InputError(
            f"{counterpart}: not a partner in the ONS file {Path(inputs.ons_path).name}; "
            "choose a country the file lists"
        )
    from analysis.loaders.ons import OnsFileError, check_partner_rows

    try:
        check_partner_rows(base.ons_exclusions, {counterpart}, Path(inputs.ons_path).name)
    except OnsFileError as error:
        raise InputError(_one_line(error)) from None
    years = set(base.ons["period"])
    for label, year in (("base period", inputs.base_period), ("period", inputs.period)):
        if year not in years:
            raise InputError(
                f"{label} {year!r}: not a year of the ONS file {Path(inputs.ons_path).name} "
                f"(it has {min(years)}-{max(years)}); choose one of those years"
            )
    checksums = list(base.checksums)
    document = None
    if inputs.text_path is not None:
        text_path = _check_file("text", inputs.text_path)
        document = _load_text(text_path)
        checksums.append(("news text", text_path.name, _sha256(text_path)))
    trade = None
    if inputs.trade_files:
        files = [_check_file("trade file", path) for path in inputs.trade_files]
        trade = _load_trade_files(files)
        checksums += [
            (f"official trade file {i}", p.name, _sha256(p)) for i, p in enumerate(files, 1)
        ]
    return replace(
        base,
        inputs=inputs,
        document=document,
        trade=trade,
        checksums=tuple(checksums),
    )


def sources_for_partner(
    shared: Sources, partner_iso3: str, text_path: Path | None = None
) -> Sources:
    """The sources of the UK's report with another partner, reusing the shared official tables.

    Args:
        shared: Sources loaded once (reporter GBR or its partner GBR).
        partner_iso3: The UK's partner of the new report.
        text_path: A news text about that pair, if any (never another pair's text).

    Returns:
        Sources with reporter GBR and this partner, no trade files.

    Raises:
        InputError: The ONS file lacks the partner, or the text cannot be read.
    """
    inputs = replace(
        shared.inputs,
        reporter_iso3=OFFICIAL_ISO3,
        partner_iso3=partner_iso3,
        text_path=text_path,
        trade_files=(),
    )
    base = replace(shared, document=None, trade=None, checksums=_official_checksums(shared))
    return load_sources(inputs, shared=base)


def _official_checksums(sources: Sources) -> tuple[tuple[str, str, str], ...]:
    return tuple(c for c in sources.checksums if not c[0].startswith(("news", "official trade")))


def load_official_sources(inputs: ReportInputs, partner_iso3: str | None = None) -> Sources:
    """Read the ONS annual file (with the rates) and the monthly file: the tables pairs share.

    The batch calls this once, then :func:`sources_for_partner` per partner; pairs and periods
    are not checked here.

    Args:
        inputs: Whose ``ons_path``, ``fx_path`` and ``monthly_path`` are read.
        partner_iso3: Keep only this partner's monthly rows (a single report); None keeps all.

    Returns:
        Sources without a text or trade files.

    Raises:
        InputError: A file is missing or holds bad data.
    """
    ons_path = _check_file("ONS file", inputs.ons_path)
    fx_path = _check_file("exchange-rate file", inputs.fx_path)
    ons_sha, fx_sha = _sha256(ons_path), _sha256(fx_path)
    # a malformed row is fatal only for the partners that need it (see load_sources)
    ons, ons_exclusions = load_cached(
        "ons-annual-goods", (ons_sha, fx_sha), lambda: _load_annual(ons_path, fx_path)
    )
    if partner_iso3 is not None:  # a single report: only its partner's rows
        rows = ons[ons["partner_iso3"].eq(partner_iso3)]
        by_partner = {partner_iso3: rows.sort_values(["period", "flow"], ignore_index=True)}
    else:  # the batch: sorted once, then split
        ordered = ons.sort_values(["partner_iso3", "period", "flow"], ignore_index=True)
        by_partner = {
            iso3: rows.reset_index(drop=True)
            for iso3, rows in ordered.groupby("partner_iso3", sort=False)
        }
    pairs = ons[["partner_iso3", "partner_name"]].drop_duplicates("partner_iso3")
    names = dict(zip(pairs["partner_iso3"], pairs["partner_name"], strict=True))
    checksums = [
        ("UK trade by partner, annual (ONS)", ons_path.name, ons_sha),
        ("US$ per £, daily (Federal Reserve H.10)", fx_path.name, fx_sha),
    ]
    monthly = None
    if inputs.monthly_path is not None:
        monthly_path = _check_file("ONS monthly file", inputs.monthly_path)
        monthly_sha = _sha256(monthly_path)
        monthly = load_cached(
            "ons-monthly", (monthly_sha, fx_sha), lambda: _load_monthly(monthly_path, fx_path)
        )
        if partner_iso3 is not None:  # a single report: only its partner's months
            monthly = _partner_months(monthly, partner_iso3)
        checksums.append(
            ("UK trade in goods by partner, monthly (ONS)", monthly_path.name, monthly_sha)
        )
    return Sources(
        inputs,
        ons,
        names,
        monthly,
        checksums=tuple(checksums),
        monthly_partner_iso3=partner_iso3 if monthly is not None else None,
        ons_by_partner=by_partner,
        ons_exclusions=ons_exclusions,
    )


def _load_annual(ons_path: Path, fx_path: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ONS annual goods table in US$ (every partner) and the rows its loader left out."""
    from analysis.loaders.fx import ExchangeRateError
    from analysis.loaders.ons import OnsFileError, load_ons_trade
    from analysis.loaders.schema import TradeDataError, exclusions_of

    try:
        ons = load_ons_trade(ons_path, fx_path, needed=set())
    except (OnsFileError, ExchangeRateError, TradeDataError) as error:
        raise InputError(_one_line(error)) from None
    exclusions = exclusions_of(ons)
    ons.attrs = {}  # pandas copies attrs on every operation; the exclusions are kept apart
    return ons, exclusions


def _load_monthly(path: Path, fx_path: Path) -> pd.DataFrame:
    """The ONS monthly table of every partner, in £ and US$."""
    from analysis.loaders import ons_monthly

    try:
        table = ons_monthly.load_ons_monthly(path, fx_path)
    except ValueError as error:  # the file's and the rates' errors
        raise InputError(_one_line(error)) from None
    table.attrs = {}
    return table


def _partner_months(table: pd.DataFrame, partner_iso3: str) -> pd.DataFrame:
    """One partner's rows of the monthly table; none when the file does not list it."""
    rows = table[table["partner_iso3"].eq(partner_iso3)]
    if rows.empty:  # the monthly section says so
        return pd.DataFrame(columns=rows.columns)
    return rows.reset_index(drop=True)


def _load_text(path: Path):
    """The news text, read and parsed (the one import of the news reader in the report)."""
    from analysis.loaders.news import NewsInputError, load_news

    try:
        return load_news(path)
    except NewsInputError as error:
        raise InputError(f"text {path}: {_one_line(error)}") from None


def check_text(document):
    """The text's claims checked against its own figures, with and without slip corrections.

    Args:
        document: A loaded news document.

    Returns:
        ``(corrected, as_written)``: two reconciliations (the one import of the checker here).
    """
    from analysis.checks import reconcile

    return reconcile(document), reconcile(document, correct=False)


def _load_trade_files(files: list[Path]) -> pd.DataFrame:
    from analysis.loaders.tidy import load_trade_files

    try:
        return load_trade_files(files)
    except (ValueError, OSError) as error:
        raise InputError(f"trade file: {_one_line(error)}") from None


def build_report_data(sources: Sources) -> ReportData:
    """Compute every table, sentence and chart of the report, once.

    Args:
        sources: From :func:`load_sources` (or :func:`sources_for_partner`).

    Returns:
        The report: every section of ``SECTION_TITLES`` in order, each content or a "not
        covered, because…" note; tables and charts numbered from 1 in reading order.
    """
    from analysis.report.sections import build_sections

    inputs = sources.inputs
    checked = check_text(sources.document) if sources.document is not None else None
    sections = build_sections(sources, checked)
    by_key = {section.key: section for section in sections}
    ordered = [
        by_key.get(key, Section(key, title, not_covered="Not covered in this report."))
        for key, title in SECTION_TITLES.items()
    ]
    return ReportData(
        title=(
            f"Trade report: {inputs.reporter_iso3}-{inputs.partner_iso3}, "
            f"{inputs.base_period} to {inputs.period}"
        ),
        reporter_iso3=inputs.reporter_iso3,
        partner_iso3=inputs.partner_iso3,
        base_period=inputs.base_period,
        period=inputs.period,
        sections=_numbered(ordered),
    )


def _numbered(sections: list[Section]) -> tuple[Section, ...]:
    """Number tables and charts from 1 in reading order (each kind on its own)."""
    counts = {Table: 0, Chart: 0}
    result = []
    for section in sections:
        blocks = []
        for block in section.blocks:
            if isinstance(block, (Table, Chart)):
                counts[type(block)] += 1
                block = replace(block, number=counts[type(block)])
            blocks.append(block)
        result.append(replace(section, blocks=tuple(blocks)))
    return tuple(result)
