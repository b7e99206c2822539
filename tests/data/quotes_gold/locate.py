"""Fill in the offsets of hand-written gold annotations (run by hand, not by pytest).

Usage: python tests/data/quotes_gold/locate.py [FILE.json ...]   (default: every gold file)

For each quote the annotator types the exact quoted words: ``"text"`` for a one-part quote
or ``"parts"`` (a list) for a quote in several segments. This script finds them in the
article text and writes ``segments``, ``start``, ``end`` (and ``text`` = parts joined by a
space). A part must occur exactly once in the text, or after the ``"anchor"`` string (which
must occur exactly once); later parts are searched after the previous part. When
``"speaker_mention"`` is given, ``speaker_segments`` gets the occurrence nearest the quote.
The script only locates strings: boundaries, speakers, roles and kinds are the annotator's.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _text_of(path: Path, raw: dict) -> str:
    if "text" in raw:
        return raw["text"]
    for folder in (path.parent, *path.parents):
        if (folder / raw["file"]).is_file():
            return (folder / raw["file"]).read_text(encoding="utf-8")
    raise SystemExit(f"{path}: file {raw['file']!r} not found")


def _pattern(needle: str) -> re.Pattern[str]:
    """Exact match, except that a space in ``needle`` matches any run of whitespace
    (articles contain no-break spaces the annotator cannot see)."""
    return re.compile(r"\s+".join(re.escape(w) for w in needle.split(" ")))


def _find(text: str, needle: str, pos: int = 0) -> tuple[int, int] | None:
    m = _pattern(needle).search(text, pos)
    return m.span() if m else None


def _unique(text: str, needle: str, where: str) -> tuple[int, int]:
    first = _find(text, needle)
    if first is None:
        raise SystemExit(f"{where}: {needle[:70]!r} not found")
    if _find(text, needle, first[0] + 1) is not None:
        raise SystemExit(f"{where}: {needle[:70]!r} occurs more than once; add an 'anchor'")
    return first


def locate(path: Path) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    text = _text_of(path, raw)
    for i, q in enumerate(raw["quotes"]):
        where = f"{path.name}: quotes[{i}]"
        parts = q.get("parts") or [q["text"]]
        if "anchor" in q:
            pos = _unique(text, q["anchor"], where + " anchor")[0]
            first = _find(text, parts[0], pos)
            if first is None:
                raise SystemExit(f"{where}: {parts[0][:70]!r} not found after anchor")
        else:
            first = _unique(text, parts[0], where)
        segments = [list(first)]
        for part in parts[1:]:
            nxt = _find(text, part, segments[-1][1])
            if nxt is None:
                raise SystemExit(f"{where}: part {part[:70]!r} not found after previous part")
            segments.append(list(nxt))
        q["text"] = " ".join(text[s:e] for s, e in segments)
        if "parts" in q:
            q["parts"] = [text[s:e] for s, e in segments]
        q["segments"] = segments
        q["start"], q["end"] = segments[0][0], segments[-1][1]
        mention = q.get("speaker_mention")
        if mention:
            pattern = r"(?<!\w)" + _pattern(mention).pattern + r"(?!\w)"
            hits = [m.span() for m in re.finditer(pattern, text)]
            if not hits:
                raise SystemExit(f"{where}: speaker_mention {mention!r} not found")

            def distance(h: tuple[int, int], segs: list = segments) -> int:
                return min(max(s - h[1], h[0] - e, 0) for s, e in segs)

            best = min(hits, key=distance)
            q["speaker_segments"] = [list(best)]
    path.write_text(json.dumps(raw, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or sorted(HERE.rglob("*.json"))
    for f in files:
        locate(f)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
