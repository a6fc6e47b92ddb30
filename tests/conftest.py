"""Shared test set-up: the parsed-table cache lives in a folder of this test session only."""

import pytest

from analysis.loaders.cache import CACHE_ENV


@pytest.fixture(autouse=True, scope="session")
def _session_cache_dir(tmp_path_factory):
    """Point ``ANALYSIS_CACHE_DIR`` (read at each load; kernels inherit it) at a session folder."""
    patch = pytest.MonkeyPatch()
    patch.setenv(CACHE_ENV, str(tmp_path_factory.mktemp("analysis-cache")))
    yield
    patch.undo()
