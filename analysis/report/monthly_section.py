"""The section "When the change happened": the UK's monthly trade in goods with the partner."""

from dataclasses import dataclass

from analysis.report.model import SECTION_TITLES, Section


@dataclass(frozen=True)
class Timing:
    """Monthly findings the other sections quote: sentences and the headline's clause."""

    headline_clause: str
    summary: list[str]
    meaning: list[str]
    conclusion: list[str]
    section: Section


def build_timing(ctx) -> Timing | None:
    """The monthly findings for the pair, or None without the monthly file.

    Args:
        ctx: :class:`analysis.report.sections.Context`.

    Returns:
        The timing, or None.
    """
    return None


def build_section(ctx, timing: Timing | None) -> Section:
    """The section, or a not-covered note.

    Args:
        ctx: The sections' context.
        timing: From :func:`build_timing`.

    Returns:
        The section.
    """
    if timing is None:
        return Section(
            "monthly",
            SECTION_TITLES["monthly"],
            not_covered="Not covered: no monthly file was given.",
        )
    return timing.section
