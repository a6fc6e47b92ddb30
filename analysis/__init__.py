"""Audited, reproducible trade reports from stated (news) and official trade figures.

Data flows one way: sources (``seeds/``, ``data/raw/``) → canonical tables (loaders) → trade maths →
reconciliation checks → notebooks → report (``reports/``).
"""

__version__ = "0.1.0"
