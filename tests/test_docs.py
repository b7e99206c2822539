"""Every ```python block in docs/*.md runs, so the documented examples cannot rot.

The blocks of one page run in order in one namespace (a later block may use names an
earlier one defined), in a fresh Python process with the project root as working
directory, as a reader would run them. A block fenced as ```python no-test is shown but not run (for fragments that need
a user's own files); use it sparingly.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted((ROOT / "docs").glob("*.md"))
_BLOCK = re.compile(r"^```python([^\n`]*)\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)


def python_blocks(text: str) -> list[tuple[int, str]]:
    """(line number, code) of each runnable ```python block of a Markdown text."""
    blocks = []
    for match in _BLOCK.finditer(text):
        if "no-test" in match.group(1):
            continue
        line = text.count("\n", 0, match.start()) + 2
        blocks.append((line, match.group(2)))
    return blocks


def test_block_finder() -> None:
    text = ("intro\n```python\nx = 1\n```\n\n```python no-test\nboom()\n```\n"
            "```bash\nls\n```\n```python\ny = x + 1\n```\n")
    # first block's code starts on line 3; the third fence opens on line 12, code on 13
    assert python_blocks(text) == [(3, "x = 1\n"), (13, "y = x + 1\n")]


_RUNNER = """
import json, sys
page, blocks = sys.argv[1], json.loads(sys.stdin.read())
namespace = {"__name__": "__docs__"}
for line, code in blocks:
    # padded so a traceback's line numbers are the Markdown file's own
    exec(compile("\\n" * (line - 1) + code, page, "exec"), namespace)
"""


@pytest.mark.parametrize("page", DOCS, ids=[p.name for p in DOCS])
def test_python_examples_run(page: Path) -> None:
    """Each page runs in a fresh interpreter, as a reader would run it."""
    blocks = python_blocks(page.read_text(encoding="utf-8"))
    if not blocks:
        pytest.skip(f"{page.name} has no python examples")
    env = dict(os.environ, MPLBACKEND="Agg")
    result = subprocess.run(
        [sys.executable, "-c", _RUNNER, str(page.relative_to(ROOT))],
        input=json.dumps(blocks), cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=600, check=False,
    )
    assert result.returncode == 0, f"{page.name} examples failed:\n{result.stderr[-4000:]}"
