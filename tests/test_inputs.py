"""The inputs are the ones the user and the statistics offices published, byte for byte."""

import hashlib

import pytest

from analysis.paths import (
    DEFAULT_SEED,
    FX_USD_PER_GBP_FILE,
    ONS_MONTHLY_TRADE_FILE,
    ONS_TRADE_FILE,
)

EXPECTED_SHA256 = {
    DEFAULT_SEED: "c8c9bb3c409c42407bc3778f3ebbcb356009045e135a861ae42eeeca10d57f92",
    ONS_TRADE_FILE: "71b8170a36df1bc583ad1c699e53ed615fcebdce7e5deb99306ec162dafa962d",
    FX_USD_PER_GBP_FILE: "5c0cf75169959a60b2b1afb994a941d715a468fb4213316b1e1efcdb072f2724",
    ONS_MONTHLY_TRADE_FILE: "e4ecd745d930f13b6b598f6e03d1052a46fb3d83fcd41914ba8c5d5b73b40689",
}


@pytest.mark.parametrize("path", list(EXPECTED_SHA256), ids=lambda p: p.name)
def test_input_file_is_byte_identical_to_its_source(path):
    assert hashlib.sha256(path.read_bytes()).hexdigest() == EXPECTED_SHA256[path]


def test_data_sources_document_the_checksums():
    sources = (ONS_TRADE_FILE.parent / "SOURCES.md").read_text(encoding="utf-8")
    for path, digest in EXPECTED_SHA256.items():
        if path.parent == ONS_TRADE_FILE.parent:
            assert f"`{path.name}`" in sources and digest in sources
