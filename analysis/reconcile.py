"""Former home of :func:`reconcile`, now in :mod:`analysis.checks`; re-exported for old imports."""

from analysis.checks import (  # noqa: F401
    CORRECTION_COLUMNS,
    MONEY_TOLERANCE,
    PERCENT_TOLERANCE,
    RESULT_COLUMNS,
    VERDICTS,
    WORLD,
    Reconciliation,
    reconcile,
)
