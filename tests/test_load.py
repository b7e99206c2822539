"""Tests for framing.load: folders, manifests, CSV/JSONL tables, HTML, bad input."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from framing.article import Article
from framing.errors import CorpusReadError, InputError, ManifestError, MissingExtraError
from framing.load import Corpus, LoadFailure, iter_corpus, load_corpus

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = Path(__file__).parent / "data"

STORY = ("Police officer under investigation at protest\n\n"
         "By Jo Bloggs\n\nPublished: 05/06/2021\n\n"
         "The officer was filmed at the march on Saturday, the force said.\n")


def _write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# ----------------------------------------------------------------- the seeds


def test_seeds_folder_with_its_manifest() -> None:
    corpus = load_corpus(SEEDS)
    assert len(corpus) == 5 and corpus.failures == ()
    # ids are the file stems, in sorted order
    assert corpus.ids == tuple(sorted(p.stem for p in SEEDS.glob("*.txt")))
    mail = corpus["000_eded39321e4ca841"]
    assert mail.outlet == "MailOnline"  # seeds/manifest.csv, from "MailOnline has asked"
    assert corpus["004_961e35140105b784"].outlet == "Morning Star"
    assert corpus["001_c4e80c1812b6c467"].date == dt.date(2021, 5, 18)
    assert corpus["002_cdf7464e25ee2565"].author == "Holly Bishop"
    # the reference pair: same incident, different articles
    assert mail.incident == corpus["001_c4e80c1812b6c467"].incident == "2021-05-met-officer-chant"
    assert len({a.incident for a in corpus}) == 4
    assert mail.text == (SEEDS / "000_eded39321e4ca841.txt").read_text(encoding="utf-8")


def test_seed_manifest_columns() -> None:
    header = (SEEDS / "manifest.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "file,id,outlet,date,title,author,incident,url"


def test_corpus_indexing() -> None:
    corpus = load_corpus(SEEDS)
    assert corpus[0] is corpus["000_eded39321e4ca841"]
    assert corpus[-1].id == "004_961e35140105b784"
    assert "003_eba226ccbf0c3a69" in corpus
    assert [a.id for a in corpus] == list(corpus.ids)
    with pytest.raises(KeyError, match="nope"):
        corpus["nope"]


# ----------------------------------------------------------------- folders


def test_folder_without_manifest_reads_metadata_from_text(tmp_path: Path) -> None:
    _write(tmp_path, "b.txt", STORY)
    _write(tmp_path, "a.md", "date 2021-05-18 A headline about the protest today\n\nBody text.")
    _write(tmp_path, "notes.csv.bak", "ignored")
    corpus = load_corpus(tmp_path)
    assert corpus.ids == ("a", "b")
    a, b = corpus
    assert (a.date, a.title) == (dt.date(2021, 5, 18), "A headline about the protest today")
    # "Published: 05/06/2021" is day first: 5 June 2021
    assert (b.date, b.author, b.title) == (dt.date(2021, 6, 5), "Jo Bloggs",
                                           "Police officer under investigation at protest")
    assert dict(b.extra)["filled_from_text"] == "date,title,author"


def test_manifest_values_win_over_text(tmp_path: Path) -> None:
    _write(tmp_path, "b.txt", STORY)
    _write(tmp_path, "manifest.csv", "file,outlet,date,title\nb.txt,Example,2021-06-04,\n")
    article = load_corpus(tmp_path)["b"]
    assert (article.outlet, article.date) == ("Example", dt.date(2021, 6, 4))
    assert article.title == "Police officer under investigation at protest"  # gap filled


def test_jsonl_manifest_matched_by_id(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "Body one.")
    _write(tmp_path, "b.txt", "Body two.")
    lines = [{"id": "b", "outlet": "Example", "incident": "x-1", "section": "news"}]
    _write(tmp_path, "meta.jsonl", "\n".join(json.dumps(x) for x in lines))
    corpus = load_corpus(tmp_path, manifest=tmp_path / "meta.jsonl", extra_columns=["section"])
    assert corpus["b"].outlet == "Example" and corpus["b"].incident == "x-1"
    assert dict(corpus["b"].extra)["section"] == "news"
    assert corpus["a"].outlet is None


def test_manifest_file_in_subfolder_and_missing_file(tmp_path: Path) -> None:
    _write(tmp_path, "sub/c.txt", "Body three.")
    _write(tmp_path, "manifest.csv", "file,outlet\nsub/c.txt,Example\ngone.txt,Other\n")
    corpus = load_corpus(tmp_path)
    assert corpus.ids == ("c",)
    assert [f.id for f in corpus.failures] == ["gone"]
    assert corpus.failures[0].error_type == "FileNotFoundError"


@pytest.mark.parametrize("manifest,row,field", [
    ("file,colour\na.txt,red\n", "row 1", "colour"),
    ("file,date\na.txt,2021-05-18\nb.txt,18th of May\n", "row 3", "date"),
    ("file,outlet\n../a.txt,X\n", "row 2", "file"),
    ("file,outlet\n/etc/passwd,X\n", "row 2", "file"),
    ("file,outlet\na.txt,X\na.txt,Y\n", "row 3", "file"),
    ("file,outlet\n,X\n", "row 2", "file"),
])
def test_malformed_manifest_names_file_row_field(tmp_path: Path, manifest: str, row: str,
                                                 field: str) -> None:
    _write(tmp_path, "a.txt", "Body.")
    _write(tmp_path, "b.txt", "Body.")
    _write(tmp_path, "manifest.csv", manifest)
    with pytest.raises(ManifestError) as info:
        load_corpus(tmp_path)
    message = str(info.value)
    assert "manifest.csv" in message and row in message and repr(field) in message


def test_manifest_without_key_column(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "Body.")
    _write(tmp_path, "manifest.csv", "outlet\nX\n")
    with pytest.raises(ManifestError, match=r"manifest\.csv, row 1.*'file'"):
        load_corpus(tmp_path)


def test_manifest_bad_json_row(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "Body.")
    _write(tmp_path, "manifest.jsonl", '{"file": "a.txt"}\n{"file": \n')
    with pytest.raises(ManifestError, match=r"manifest\.jsonl, row 2: not valid JSON"):
        load_corpus(tmp_path)


def test_manifest_symlink_outside_folder_is_refused(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _write(tmp_path, "secret.txt", "Outside.")
    corpus.mkdir()
    (corpus / "link").symlink_to(tmp_path)
    _write(corpus, "manifest.csv", "file\nlink/secret.txt\n")
    with pytest.raises(ManifestError, match="outside"):
        load_corpus(corpus)


# ----------------------------------------------------------------- tables


def test_csv_corpus_with_column_names(tmp_path: Path) -> None:
    path = _write(tmp_path, "c.csv",
                  "doc;body;Headline;source;date\n"
                  "x1;First article text.;Head one;Outlet A;2021-05-18\n"
                  'x2;"Second, with ""quotes"".";Head two;Outlet B;\n')
    corpus = load_corpus(path, text_column="body", id_column="doc",
                         column_map={"Headline": "title", "source": "outlet"})
    assert corpus.ids == ("x1", "x2")
    assert corpus["x2"].text == 'Second, with "quotes".'
    assert (corpus["x1"].title, corpus["x1"].outlet) == ("Head one", "Outlet A")


def test_csv_without_id_column_numbers_rows(tmp_path: Path) -> None:
    path = _write(tmp_path, "c.csv", "text\nOne.\nTwo.\n")
    # header is row 1, so the articles are rows 2 and 3
    assert load_corpus(path).ids == ("c-2", "c-3")


def test_csv_unknown_and_missing_columns(tmp_path: Path) -> None:
    path = _write(tmp_path, "c.csv", "text,colour\nOne.,red\n")
    with pytest.raises(ManifestError, match=r"c\.csv, row 1 \(header\), field 'colour'"):
        load_corpus(path)
    corpus = load_corpus(path, column_map={"colour": None})
    assert corpus[0].extra == ()
    path2 = _write(tmp_path, "d.csv", "body,id\nOne.,1\n")
    with pytest.raises(ManifestError, match="'text'"):
        load_corpus(path2)


def test_csv_bad_rows_become_failures(tmp_path: Path) -> None:
    path = _write(tmp_path, "c.csv",
                  "id,text,date\na,Fine.,2021-01-02\nb,Bad date.,02/01/2021\nc,Too,many,cells\n"
                  "d,Also fine.,\n")
    corpus = load_corpus(path)
    assert corpus.ids == ("a", "d")
    assert [(f.id, f.error_type) for f in corpus.failures] == [("b", "ManifestError"),
                                                              ("c-4", "ManifestError")]
    assert "row 3, field 'date'" in corpus.failures[0].error


def test_csv_ten_megabyte_cell(tmp_path: Path) -> None:
    big = "The march was peaceful. " * 440_000  # 24 characters x 440,000 = 10.56 MB
    path = tmp_path / "big.csv"
    path.write_text("id,text\nbig," + big + "\n", encoding="utf-8")
    corpus = load_corpus(path)
    assert len(corpus["big"].text) == len(big)


def test_jsonl_corpus_and_bad_line(tmp_path: Path) -> None:
    rows = [json.dumps({"id": "j1", "text": "One.", "outlet": "A"}), "{not json",
            json.dumps({"id": "j2", "text": "Two.", "date": "2023-11-13"}), json.dumps([1, 2])]
    path = _write(tmp_path, "c.jsonl", "\n".join(rows) + "\n")
    corpus = load_corpus(path)
    assert corpus.ids == ("j1", "j2")
    assert corpus["j2"].date == dt.date(2023, 11, 13)
    assert [f.path for f in corpus.failures] == [f"{path}, row 2", f"{path}, row 4"]


def test_jsonl_unknown_key(tmp_path: Path) -> None:
    path = _write(tmp_path, "c.jsonl", json.dumps({"id": "j1", "text": "One.", "likes": 3}))
    corpus = load_corpus(path)
    assert corpus.ids == () and "field 'likes'" in corpus.failures[0].error


def test_iter_corpus_is_lazy(tmp_path: Path) -> None:
    rows = [json.dumps({"id": f"r{i}", "text": f"Text {i}."}) for i in range(3)]
    path = _write(tmp_path, "c.jsonl", "\n".join(rows))
    stream = iter_corpus(path)
    assert isinstance(stream, Iterator)
    first = next(stream)
    assert isinstance(first, Article) and first.id == "r0"
    path.write_text("", encoding="utf-8")  # already-opened stream keeps reading
    assert [a.id for a in stream] == ["r1", "r2"]


# ----------------------------------------------------------------- bad input


def test_non_utf8_bytes_are_replaced_with_a_warning(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", b"Caf\xe9 owners said the march was calm.")
    article = load_corpus(tmp_path)["a"]
    assert article.text.startswith("Caf\ufffd owners")
    # one bad byte, at offset 3 ("Caf" is bytes 0-2)
    assert len(article.warnings) == 1 and "byte 3" in article.warnings[0]
    latin = load_corpus(tmp_path, encoding="latin-1")["a"]
    assert latin.text.startswith("Café") and latin.warnings == ()


def test_non_utf8_in_csv_cell(tmp_path: Path) -> None:
    path = _write(tmp_path, "c.csv", b"id,text\na,Caf\xe9 text.\nb,Fine.\n")
    corpus = load_corpus(path)
    assert corpus["a"].text == "Caf\ufffd text." and "1 bytes" in corpus["a"].warnings[0]
    assert corpus["b"].warnings == ()


def test_binary_and_unreadable_files_are_failures(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, "a.txt", "Readable article.")
    _write(tmp_path, "b.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    _write(tmp_path, "c.txt", "Locked article.")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "c.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    corpus = load_corpus(tmp_path)
    assert corpus.ids == ("a",)
    assert [(f.id, f.error_type) for f in corpus.failures] == [("b", "InputError"),
                                                              ("c", "PermissionError")]
    assert "binary" in corpus.failures[0].error


def test_empty_file_loads_with_warning(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "  \n")
    article = load_corpus(tmp_path)["a"]
    assert article.warnings == ("empty text",)


def test_duplicate_stems(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "One.")
    _write(tmp_path, "a.md", "Two.")
    corpus = load_corpus(tmp_path)
    # sorted names: a.md comes before a.txt
    assert corpus.ids == ("a",) and corpus["a"].text == "Two."
    assert corpus.failures[0].path.endswith("a.txt")


def test_bad_paths_and_arguments(tmp_path: Path) -> None:
    with pytest.raises(CorpusReadError, match="does not exist"):
        load_corpus(tmp_path / "missing")
    with pytest.raises(InputError, match=r"\.pdf"):
        load_corpus(_write(tmp_path, "x.pdf", "x"))
    with pytest.raises(InputError, match="encoding"):
        load_corpus(tmp_path, encoding="no-such-codec")


def test_corpus_rejects_duplicate_ids() -> None:
    article = Article(id="a", text="x")
    with pytest.raises(InputError, match="'a'"):
        Corpus(articles=(article, article))


# ----------------------------------------------------------------- HTML


def test_html_file_via_trafilatura() -> None:
    pytest.importorskip("trafilatura")
    corpus = load_corpus(DATA / "load_page.html")
    article = corpus["load_page"]
    # values from the page's <meta> tags and <h1>
    assert article.title == "Officers apologise after photo at rally"
    assert (article.author, article.outlet, article.date) == ("Jo Bloggs", "Example News",
                                                             dt.date(2023, 11, 13))
    assert "not advisable for two officers" in article.text
    assert "Copyright" not in article.text and "<p>" not in article.text


def test_html_without_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(DATA / "load_page.html", tmp_path / "page.html")
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import now raises ImportError
    with pytest.raises(MissingExtraError, match=r'pip install "framing\[html\]"'):
        load_corpus(tmp_path)


def test_load_failure_fields() -> None:
    failure = LoadFailure(id="a", path="x/a.txt", error="boom", error_type="OSError")
    assert (failure.id, failure.error_type) == ("a", "OSError")
