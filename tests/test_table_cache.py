"""The parsed-table cache on the real ONS and H.10 files: equal to an uncached load, not trusted."""

import hashlib
import shutil

import pandas as pd
import pytest

from analysis import paths
from analysis.loaders import cache
from analysis.report import data


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(folder))
    return folder


def _inputs(**files) -> data.ReportInputs:
    return data.ReportInputs("GBR", "KAZ", "2022", "2023", **files)


def _uncached(partner_iso3: str | None) -> data.Sources:
    """The same load with the cache bypassed (every entry rebuilt from the files)."""
    original = cache._read_entry
    cache._read_entry = lambda path: None
    try:
        return data.load_official_sources(_inputs(), partner_iso3)
    finally:
        cache._read_entry = original


def _assert_same(left: data.Sources, right: data.Sources) -> None:
    pd.testing.assert_frame_equal(left.ons, right.ons)
    pd.testing.assert_frame_equal(left.ons_exclusions, right.ons_exclusions)
    pd.testing.assert_frame_equal(left.monthly, right.monthly)
    assert left.names == right.names
    assert left.checksums == right.checksums
    assert left.ons_by_partner.keys() == right.ons_by_partner.keys()
    for iso3, rows in left.ons_by_partner.items():
        pd.testing.assert_frame_equal(rows, right.ons_by_partner[iso3])


@pytest.mark.parametrize("partner", ["KAZ", None])
def test_a_cached_load_equals_an_uncached_one(cache_dir, partner):
    first = data.load_official_sources(_inputs(), partner)  # builds the entries
    assert sorted(p.name.split("-")[1] for p in cache_dir.glob("*.pickle")) == [
        "annual",
        "monthly",
    ]
    second = data.load_official_sources(_inputs(), partner)  # reads them
    _assert_same(second, first)
    _assert_same(second, _uncached(partner))


def test_a_hit_does_not_run_the_loader(cache_dir):
    calls = []
    digests = ("a" * 64,)
    assert cache.load_cached("probe", digests, lambda: calls.append(1) or [1.5]) == [1.5]
    assert cache.load_cached("probe", digests, lambda: calls.append(1) or [2.5]) == [1.5]
    assert calls == [1]
    # another file's digest is another entry
    assert cache.load_cached("probe", ("b" * 64,), lambda: [3.5]) == [3.5]


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated
        lambda raw: raw[:-1] + bytes([raw[-1] ^ 1]),  # one bit of the payload flipped
        lambda raw: b"",  # empty
        lambda raw: b"not a cache entry",  # foreign bytes
    ],
    ids=["truncated", "bit-flip", "empty", "foreign"],
)
def test_a_corrupt_entry_is_ignored_and_rebuilt(cache_dir, damage):
    expected = data.load_official_sources(_inputs(), "KAZ")
    for entry in cache_dir.glob("*.pickle"):
        entry.write_bytes(damage(entry.read_bytes()))
    again = data.load_official_sources(_inputs(), "KAZ")
    _assert_same(again, expected)
    for entry in cache_dir.glob("*.pickle"):  # rewritten whole
        raw = entry.read_bytes()
        assert hashlib.sha256(raw[32:]).digest() == raw[:32]


def test_an_entry_whose_digest_matches_but_does_not_unpickle_is_rebuilt(cache_dir):
    path = cache.entry_path("probe", ("c" * 64,))
    path.parent.mkdir(parents=True)
    payload = b"\x80\x05not a pickle"
    path.write_bytes(hashlib.sha256(payload).digest() + payload)
    assert cache.load_cached("probe", ("c" * 64,), lambda: "rebuilt") == "rebuilt"
    assert cache.load_cached("probe", ("c" * 64,), lambda: "again") == "rebuilt"


def test_a_changed_file_is_a_new_entry_never_the_stale_one(cache_dir, tmp_path):
    fx = tmp_path / "fx.csv"
    shutil.copy(paths.FX_USD_PER_GBP_FILE, fx)
    before = data.load_official_sources(_inputs(fx_path=fx), "KAZ")
    lines = fx.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0]
    rows = [line for line in lines[1:] if line.startswith("2023-") and line.split(",")[1].strip()]
    # (invented) every 2023 rate 0.1 higher: the 2023 US$ values must change
    changed = {row: f"{row.split(',')[0]},{float(row.split(',')[1]) + 0.1:.4f}\n" for row in rows}
    fx.write_text(header + "".join(changed.get(line, line) for line in lines[1:]), "utf-8")
    after = data.load_official_sources(_inputs(fx_path=fx), "KAZ")
    assert len(list(cache_dir.glob("ons-annual-goods-*.pickle"))) == 2
    kaz = after.ons_rows("KAZ")
    old = before.ons_rows("KAZ")
    in_2023 = kaz["period"].eq("2023")
    assert (kaz.loc[in_2023, "value_usd"] > old.loc[in_2023, "value_usd"]).all()
    _assert_same(after, _uncached_with(fx))


def _uncached_with(fx) -> data.Sources:
    original = cache._read_entry
    cache._read_entry = lambda path: None
    try:
        return data.load_official_sources(_inputs(fx_path=fx), "KAZ")
    finally:
        cache._read_entry = original


def test_a_loader_change_is_a_new_key(cache_dir, monkeypatch):
    path = cache.entry_path("probe", ("d" * 64,))
    monkeypatch.setattr(cache, "loaders_version", lambda: "another loader")
    assert cache.entry_path("probe", ("d" * 64,)) != path


def test_a_bad_file_is_never_cached_and_fails_every_time(cache_dir, tmp_path):
    bad = tmp_path / "ons.csv"  # (invented) a header without the ONS columns
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(data.InputError):
            data.load_official_sources(_inputs(ons_path=bad), "KAZ")
    assert not list(cache_dir.glob("ons-annual-goods-*.pickle"))


def test_an_unwritable_cache_is_skipped(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))  # a folder under a file
    assert cache.load_cached("probe", ("e" * 64,), lambda: 4.5) == 4.5


def test_only_the_newest_entries_of_a_kind_are_kept(cache_dir):
    for i in range(cache.KEEP_PER_KIND + 3):
        cache.load_cached("probe", (f"{i:064d}",), lambda i=i: i)
    cache.load_cached("probe-other", ("f" * 64,), lambda: 0)
    assert len(list(cache_dir.glob("probe-????????????????????????????????.pickle"))) == (
        cache.KEEP_PER_KIND
    )
    assert len(list(cache_dir.glob("probe-other-*.pickle"))) == 1
