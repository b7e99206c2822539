"""The installed package runs the whole pipeline with no network and no NLTK data.

A fresh interpreter blocks every socket and makes ``nltk.download`` raise before importing
framing, points NLTK_DATA and HOME at an empty folder (so no downloaded data can be found),
then loads the seeds, scores them and writes both report formats.
"""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_SCRIPT = textwrap.dedent(
    """
    import socket, sys

    def _blocked(*args, **kwargs):
        raise RuntimeError("network access attempted")

    class _NoNetworkSocket(socket.socket):
        connect = connect_ex = sendto = _blocked

    socket.socket = _NoNetworkSocket
    socket.create_connection = _blocked
    socket.getaddrinfo = _blocked

    import nltk
    nltk.download = _blocked

    import framing
    corpus = framing.load_corpus(sys.argv[1])
    df = framing.score_corpus(corpus)
    assert len(df) == 5, len(df)
    assert df["error"].isna().all(), df["error"].tolist()
    framing.report(df, sys.argv[2] + "/report.html")
    framing.report(df, sys.argv[2] + "/report.md")
    print("OK", len(df))
    """
)


def test_whole_pipeline_runs_with_sockets_blocked(tmp_path):
    empty = tmp_path / "empty_home"
    empty.mkdir()
    env = {"HOME": str(empty), "NLTK_DATA": str(empty), "PATH": "/usr/bin:/bin",
           "MPLCONFIGDIR": str(tmp_path / "mpl")}
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(ROOT / "seeds"), str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=600, check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "OK 5"
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<html" in html.lower()
    # a self-contained report loads nothing from the network
    assert "http://" not in html.split("<body", 1)[0] and "<script src" not in html
    assert (tmp_path / "report.md").stat().st_size > 0
