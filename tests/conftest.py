"""Shared test set-up: the parsed-table cache lives in a folder of this test session only.

Under CI (``CI`` set) hypothesis draws the same examples every run, so a green run stays green;
elsewhere it explores new ones each run, and every failure it finds is kept as an ``@example``.
"""

import os

import pytest
from hypothesis import settings

from analysis.loaders.cache import CACHE_ENV

settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True, scope="session")
def _session_cache_dir(tmp_path_factory):
    """Point ``ANALYSIS_CACHE_DIR`` (read at each load; kernels inherit it) at a session folder."""
    patch = pytest.MonkeyPatch()
    patch.setenv(CACHE_ENV, str(tmp_path_factory.mktemp("analysis-cache")))
    yield
    patch.undo()
