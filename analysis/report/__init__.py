"""The trade report: ReportData built once (data.py), shown by the notebook, rendered to files."""
