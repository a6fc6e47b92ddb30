"""Publishing report folders: marker, refusal of foreign targets, locks, atomic switch, faults.

Part of the fault catalogue of issue 10 (the command-level cases are in test_runs_faults.py).
Every folder content here is invented: a marker, a ``report.html`` naming its version.
"""

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from analysis.report import provenance, publish
from analysis.report.publish import PublishError


def _version(target: Path, text: str, kind: str = "report", digest: str = "d") -> Path:
    """Write and publish one version of a report folder whose report.html says ``text``."""
    with publish.lock_target(target), publish.staging_folder(target) as staging:
        (staging / "report.html").write_text(text, encoding="utf-8")
        provenance.write_marker(staging, kind, {"digest": digest})
        publish.check_target(target, kind)
        publish.publish(staging, target)
    return target


def _hidden(folder: Path) -> list[str]:
    """Leftovers of our machinery beside the target (lock files are expected and kept)."""
    return sorted(
        p.name for p in folder.iterdir() if p.name.startswith(".") and p.suffix != ".lock"
    )


def test_first_publish_and_replacement_leave_one_complete_folder(tmp_path):
    target = tmp_path / "KAZ-GBR-2022-2023"
    _version(target, "one")
    _version(target, "two")
    assert (target / "report.html").read_text() == "two"
    assert provenance.read_marker(target)["kind"] == "report"
    assert _hidden(tmp_path) == []
    assert sorted(p.name for p in target.iterdir()) == [provenance.MARKER_FILE, "report.html"]


def test_is_current_checks_the_digest_and_the_report(tmp_path):
    target = _version(tmp_path / "r", "one", digest="abc")
    assert provenance.is_current(target, "abc")
    assert not provenance.is_current(target, "other")
    (target / "report.html").unlink()
    assert not provenance.is_current(target, "abc")
    assert not provenance.is_current(tmp_path / "missing", "abc")


def test_digest_changes_with_any_input_byte_or_parameter(tmp_path):
    data = tmp_path / "fx.csv"
    data.write_text("a,b\n1,2\n")
    first = provenance.describe_inputs({"partner_iso3": "DEU"}, {"fx": data}, "code")
    assert first == provenance.describe_inputs({"partner_iso3": "DEU"}, {"fx": data}, "code")
    other_partner = provenance.describe_inputs({"partner_iso3": "FRA"}, {"fx": data}, "code")
    other_code = provenance.describe_inputs({"partner_iso3": "DEU"}, {"fx": data}, "code2")
    data.write_text("a,b\n1,3\n")
    other_bytes = provenance.describe_inputs({"partner_iso3": "DEU"}, {"fx": data}, "code")
    digests = {d["digest"] for d in (first, other_partner, other_code, other_bytes)}
    assert len(digests) == 4
    assert first["inputs"]["fx"]["file"] == str(data)


def test_foreign_folder_is_refused_and_left_alone_unless_forced(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "mine.txt").write_text("my notes")
    with pytest.raises(PublishError, match=r"not written by `analysis report`.*--force"):
        publish.check_target(notes, "report")
    assert (notes / "mine.txt").read_text() == "my notes"
    publish.check_target(notes, "report", force=True)
    publish.check_target(tmp_path / "empty-is-fine", "report")
    (tmp_path / "empty").mkdir()
    publish.check_target(tmp_path / "empty", "report")


def test_batch_folder_is_not_replaced_by_a_single_report(tmp_path):
    batch = _version(tmp_path / "all", "index", kind="batch")
    with pytest.raises(PublishError, match="holds a batch, not a report"):
        publish.check_target(batch, "report")
    single = _version(tmp_path / "one", "report")
    with pytest.raises(PublishError, match="holds a report, not a batch"):
        publish.check_target(single, "batch")


def test_file_symlink_and_long_name_are_refused_even_with_force(tmp_path):
    afile = tmp_path / "file"
    afile.write_text("keep")
    elsewhere = _version(tmp_path / "elsewhere", "keep")
    link = tmp_path / "link"
    link.symlink_to(elsewhere)
    for target, message in ((afile, "is a file"), (link, "symbolic link")):
        with pytest.raises(PublishError, match=message):
            publish.check_target(target, "report", force=True)
    with pytest.raises(PublishError, match="longer than the file system allows"):
        publish.check_target(tmp_path / ("x" * 300), "report")
    assert afile.read_text() == "keep" and (elsewhere / "report.html").read_text() == "keep"


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.EROFS, "read-only"),
        (errno.ENOSPC, "no space left"),
        (errno.ENAMETOOLONG, "too long"),
        (errno.EACCES, "permission denied"),
    ],
)
def test_a_fault_in_the_switch_is_one_line_and_keeps_the_old_report(
    tmp_path, monkeypatch, code, words
):
    target = _version(tmp_path / "r", "old")

    def failing(*args):
        raise OSError(code, os.strerror(code), str(target))

    monkeypatch.setattr(publish, "_exchange", failing)
    with pytest.raises(PublishError) as caught:
        _version(target, "new")
    message = str(caught.value)
    assert words in message and "\n" not in message
    assert (target / "report.html").read_text() == "old"
    assert _hidden(tmp_path) == []


def test_a_lock_that_cannot_be_created_is_one_line(tmp_path, monkeypatch):
    real_open = os.open

    def read_only(path, flags, *args):
        if str(path).endswith(".lock"):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(PublishError, match="read-only"):
        with publish.lock_target(tmp_path / "r"):
            pass


def test_without_exchange_a_crash_between_renames_is_undone_by_the_next_run(tmp_path, monkeypatch):
    """The fallback switch (no renameat2): old aside, crash, the next lock holder restores it."""
    target = _version(tmp_path / "r", "old")
    monkeypatch.setattr(publish, "_exchange", lambda first, second: False)
    real_rename = os.rename
    calls = []

    def crash_after_moving_old_aside(source, destination):
        calls.append(destination)
        real_rename(source, destination)
        if len(calls) == 1:
            raise KeyboardInterrupt  # stands for a kill between the two renames

    monkeypatch.setattr(os, "rename", crash_after_moving_old_aside)
    with pytest.raises(KeyboardInterrupt):
        _version(target, "new")
    monkeypatch.setattr(os, "rename", real_rename)
    assert not target.exists()  # the window the fallback has; exchange has none
    with publish.lock_target(target):
        assert (target / "report.html").read_text() == "old"
    assert _hidden(tmp_path) == []
    _version(target, "new")
    assert (target / "report.html").read_text() == "new"


_CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from analysis.report import publish
    target, mode = Path(sys.argv[1]), sys.argv[2]
    if mode == "hold":
        with publish.lock_target(target):
            print("locked", flush=True)
            time.sleep(30)
    elif mode == "nowait":
        try:
            with publish.lock_target(target, wait=False):
                pass
        except publish.PublishError as error:
            print(error)
            sys.exit(2)
    else:
        for n in range(100000):
            with publish.lock_target(target), publish.staging_folder(target) as staging:
                for i in range(20):
                    (staging / f"part{i}.txt").write_text(str(n))
                (staging / "report.html").write_text(str(n))
                provenance.write_marker(staging, "report", {"digest": str(n)})
                publish.publish(staging, target)
    """
)


def _child(*args) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", _CHILD, *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_overlapping_runs_queue_or_refuse_with_one_line(tmp_path):
    target = tmp_path / "r"
    holder = _child(target, "hold")
    try:
        assert holder.stdout.readline().strip() == "locked"
        refused = _child(target, "nowait")
        out, _ = refused.communicate(timeout=30)
        assert refused.returncode == 2
        assert out.strip().endswith(
            "another run is writing this report; wait for it, or choose another --output"
        )
    finally:
        holder.kill()
        holder.wait()
    finished = _child(target, "nowait")  # the lock died with its holder
    assert finished.wait(timeout=30) == 0


def test_killing_a_writer_at_any_moment_leaves_a_complete_report(tmp_path):
    """A real child replaces the report in a loop; SIGKILL at varied moments, twelve times."""
    target = tmp_path / "r"
    _version(target, "start")
    for attempt in range(12):
        writer = _child(target, "loop")
        time.sleep(0.3 + 0.05 * attempt)
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        marker = json.loads((target / provenance.MARKER_FILE).read_text())
        number = (target / "report.html").read_text()
        assert marker["digest"] == number or number == "start"
        if number != "start":
            assert {(target / f"part{i}.txt").read_text() for i in range(20)} == {number}
    with publish.lock_target(target):  # the next run sweeps a killed writer's staging folder
        pass
    assert _hidden(tmp_path) == []


def test_folders_written_before_markers_existed_are_still_ours(tmp_path):
    """The layouts the previous version wrote (invented contents, the real file names)."""
    report = tmp_path / "KAZ-GBR-2022-2023"
    report.mkdir()
    for name in ("report.html", "01-trade-report.ipynb", "02-uk-mirror.ipynb"):
        (report / name).write_text("old")
    publish.check_target(report, "report")
    with pytest.raises(PublishError, match="holds a report, not a batch"):
        publish.check_target(report, "batch")
    batch = tmp_path / "all-partners-2022-2023"
    batch.mkdir()
    (batch / "manifest.json").write_text('{"format": 1, "partners": {}}')
    publish.check_target(batch, "batch")
    (report / "notes.txt").write_text("mine")  # anything else: not recognised
    with pytest.raises(PublishError, match="not written by"):
        publish.check_target(report, "report")
