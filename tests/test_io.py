"""Tests for atomic output (framing._io)."""

import os

import pytest

from framing._io import atomic_write_text, atomic_writer


def test_atomic_write_replaces_content(tmp_path):
    target = tmp_path / "out" / "report.html"
    atomic_write_text(target, "first")
    atomic_write_text(target, "second")
    assert target.read_text(encoding="utf-8") == "second"
    # no temporary files are left beside the target
    assert sorted(os.listdir(target.parent)) == ["report.html"]


def test_interrupted_write_keeps_old_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "scores.csv"
    atomic_write_text(target, "old")

    def failing(handle):
        handle.write(b"half a fi")
        raise KeyboardInterrupt  # simulates an interrupted run

    with pytest.raises(KeyboardInterrupt):
        atomic_writer(target, failing)
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(os.listdir(tmp_path)) == ["scores.csv"]


def test_written_file_has_ordinary_permissions(tmp_path):
    # mkstemp creates 0600 files; outputs must honour the umask like open() does
    mask = os.umask(0o022)
    try:
        target = atomic_write_text(tmp_path / "report.html", "x")
    finally:
        os.umask(mask)
    assert (target.stat().st_mode & 0o777) == 0o644
