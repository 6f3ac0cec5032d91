"""Hostile and unlucky corpora, end to end: special files, odd names, vanishing files, odd output.

Each test here reproduces a way a real user's folder or terminal broke reader once.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cli import _command_first, build_parser, main, options_with_value
from reader.corpus import load_corpus
from reader.diff.align import align_texts
from reader.ingest import read_path
from reader.model import Story, VersionPair
from reader.notes.export import ExportError, write_export

SEED_000 = "000_0a79532c2183a85b.txt"


class Stuck(Exception):
    """A load that blocks (on a FIFO, a device) fails the test instead of hanging the suite."""


@pytest.fixture
def deadline() -> Iterator[None]:
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def give_up(signum: int, frame: object) -> None:
        raise Stuck("the load blocked")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _corpus_with_seed(tmp_path: Path, seeds_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(seeds_path / SEED_000, folder / SEED_000)
    return folder


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_in_the_corpus_is_skipped_not_waited_on(
    tmp_path: Path, seeds_path: Path, deadline: None
) -> None:
    folder = _corpus_with_seed(tmp_path, seeds_path)
    os.mkfifo(folder / "pipe.txt")
    for use_cache in (True, False):
        corpus = load_corpus([folder], use_cache=use_cache, group=False)
        assert [a.id for a in corpus.articles] == ["000_0a79532c2183a85b"]
        assert [(Path(s.path).name, s.reason) for s in corpus.skipped] == [
            ("pipe.txt", "not a regular file")
        ]


def test_a_link_to_a_device_is_skipped_not_read_forever(
    tmp_path: Path, seeds_path: Path, deadline: None
) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    folder = _corpus_with_seed(tmp_path, seeds_path)
    (folder / "zero.txt").symlink_to("/dev/zero")
    articles, skipped = read_path(folder)
    assert [a.id for a in articles] == ["000_0a79532c2183a85b"]
    assert [(Path(s.path).name, s.reason) for s in skipped] == [("zero.txt", "not a regular file")]
    corpus = load_corpus([folder], group=False)
    assert [Path(s.path).name for s in corpus.skipped] == ["zero.txt"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- JSON that the parser refuses in ways other than a syntax error ------------------------------

HUGE_INT = "1" + "0" * 5000  # past Python's int-parsing digit limit: ValueError, not a syntax error
DEEP = "[" * 100_000 + "]" * 100_000  # RecursionError in the parser


def test_json_with_a_huge_number_is_skipped_and_the_rest_loads(tmp_path: Path) -> None:
    (tmp_path / "good.json").write_text(json.dumps({"text": "A council met on Tuesday."}))
    (tmp_path / "huge.json").write_text('{"text": "Hello there.", "date": ' + HUGE_INT + "}")
    (tmp_path / "mixed.jsonl").write_text(
        '{"text": "First record is fine."}\n'
        '{"text": "Second has a huge date.", "date": ' + HUGE_INT + "}\n" + DEEP + "\n"
        '{"text": "Fourth record is fine too."}\n'
    )
    articles, skipped = read_path(tmp_path)
    assert [a.id for a in articles] == ["good", "mixed:1", "mixed:4"]
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert set(reasons) == {"huge.json", "mixed.jsonl#2", "mixed.jsonl#3"}
    assert all(reason.startswith("invalid JSON") for reason in reasons.values())


def test_notes_import_of_a_file_the_json_parser_refuses_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for name, content in (("huge.json", "[" + HUGE_INT + "]"), ("deep.json", DEEP)):
        path = tmp_path / name
        path.write_text(content)
        code, out, err = run(capsys, "notes", "import", str(path))
        assert code == 2, err
        assert err.startswith("reader: ") and err.count("\n") == 1 and "unexpected" not in err


# --- output to a terminal or pipe that is not UTF-8 ----------------------------------------------


def _reader(*argv: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, **env}
    return subprocess.run(
        [sys.executable, "-m", "reader", *argv], capture_output=True, env=environment, timeout=120
    )


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_non_ascii_text_prints_on_a_non_utf8_stdout(encoding: str) -> None:
    # 001 has curly quotes and dashes; a C or latin-1 locale without UTF-8 mode cannot encode them.
    shown = _reader("show", "001", PYTHONIOENCODING=encoding)
    assert shown.returncode == 0, shown.stderr
    assert b"Traceback" not in shown.stderr and not shown.stderr
    assert b"The Biden administration mentioned" in shown.stdout
    # JSON stays lossless: non-ASCII characters are escaped rather than replaced.
    as_json = _reader("show", "001", "--json", PYTHONIOENCODING=encoding)
    assert as_json.returncode == 0, as_json.stderr
    utf8 = _reader("show", "001", "--json", PYTHONIOENCODING="utf-8")
    assert json.loads(as_json.stdout) == json.loads(utf8.stdout)
    assert "—" in json.loads(as_json.stdout)["text"]


def test_c_locale_without_utf8_mode_prints_quotes() -> None:
    result = _reader("quotes", "-a", "001", LC_ALL="C", PYTHONUTF8="0", PYTHONIOENCODING="")
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr and not result.stderr


@pytest.mark.parametrize("fmt", ["md", "json", "csv"])
def test_notes_export_to_a_narrow_stdout_is_still_utf8(fmt: str, tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    added = _reader(
        "notes", "add", "001", "--quote", "The Biden administration mentioned",
        "--note", "naïve “note” — é", "--tag", "ünï", "--data-dir", data,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    exported = _reader(
        "notes", "export", "--format", fmt, "--data-dir", data, PYTHONIOENCODING="ascii"
    )
    assert exported.returncode == 0, exported.stderr
    text = exported.stdout.decode("utf-8")
    assert "naïve “note” — é" in text and "ünï" in text


# --- notes export destinations -------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_export_into_a_fifo_streams_into_it_and_keeps_it(tmp_path: Path, deadline: None) -> None:
    fifo = tmp_path / "notes.pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader_thread = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader_thread.start()
    try:
        assert write_export("# Notes — é\n", fifo, force=True) == fifo
    finally:
        if not received:
            with contextlib.suppress(OSError), open(fifo, "wb"):
                pass  # unblock the reader thread
        reader_thread.join(10)
    assert received == ["# Notes — é\n".encode()]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still a FIFO, not replaced by a file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.pipe"]


def test_export_onto_a_symlink_replaces_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    with pytest.raises(ExportError, match="already exists"):
        write_export("new\n", link)
    write_export("new\n", link, force=True)
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.md", "real.md"]


# --- diff of an article with itself --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a",
        "It is what it is.",
        "Yes. No. Maybe.",
        "Officials met on Monday in Geneva. It was not so. Talks ended on Tuesday with no deal. "
        "And so it is. Russia said it would wait.",
    ],
)
def test_a_text_aligned_with_itself_is_all_equal(text: str) -> None:
    # Sentences of function words only share no content word, and were reported removed + added.
    alignment = align_texts(text, text)
    assert {pair.op for pair in alignment.pairs} == {"equal"}


def test_function_word_sentences_still_pair_only_with_their_own_words() -> None:
    alignment = align_texts(
        "Officials met in Geneva. It was not so. Talks ended.",
        "Officials met in Geneva. Talks ended. It was not so! And so it is.",
    )
    assert [pair.op for pair in alignment.pairs] == ["equal", "moved", "equal", "added"]


def test_a_short_article_aligns_with_itself_but_the_cli_refuses_the_pair(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    alignment = align_texts("It is what it is.\n", "It is what it is.\n")
    assert alignment.similarity == 1.0 and [p.op for p in alignment.pairs] == ["equal"]
    # A diff of an article with itself says nothing (a typo, most likely): one line, not 100%.
    (tmp_path / "short.txt").write_text("It is what it is.\n", encoding="utf-8")
    for refs in (("short", "short"), ("short", str(tmp_path / "short.txt"))):
        code, out, err = run(capsys, "diff", *refs, "-C", str(tmp_path), "--json")
        assert (code, out) == (2, "")
        assert err.strip() == "reader: A and B are the same article (short); give two versions"


# --- output cut short: `reader ... | head` -------------------------------------------------------


@pytest.mark.parametrize(
    "argv", [("show", "003"), ("quotes",), ("diff", "000", "001"), ("list", "--json")]
)
def test_a_reader_that_goes_away_ends_the_command_quietly(argv: tuple[str, ...]) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `head` exiting before reader has written anything
    error = process.stderr.read()
    assert process.wait(timeout=120) == 0, error
    assert error == b""


# --- a story with very many versions -------------------------------------------------------------


def test_story_similarity_lookups_answer_as_the_pairs_say() -> None:
    pairs = (
        VersionPair("a", "b", 0.9, "near-copy"),
        VersionPair("c", "a", 0.4, "rewrite"),
        VersionPair("b", "a", 0.1),  # a duplicate pair: the first one counts
    )
    story = Story("s-1", "title", ("a", "b", "c"), pairs)
    assert story.similarity("a", "b") == story.similarity("b", "a") == 0.9
    assert story.similarity("a", "c") == story.similarity("c", "a") == 0.4
    assert story.similarity("b", "c") is None and story.similarity("a", "a") is None
    assert story == Story("s-1", "title", ("a", "b", "c"), pairs)  # the index is not compared
    assert dataclasses.replace(story, title="other").similarity("c", "a") == 0.4


# --- file names are untrusted too ----------------------------------------------------------------

STORY = "Title\n\nThe council met on Tuesday and said 5 people came.\n"


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs arbitrary bytes in names")
def test_file_names_with_bad_bytes_or_escape_sequences(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    latin1_name = os.fsdecode(b"caf\xe9.txt")  # not UTF-8: held as a lone surrogate
    (folder / latin1_name).write_text(STORY, encoding="utf-8")
    (folder / "evil\x1b]0;pwned\x07\x1b[31mred.txt").write_text(STORY, encoding="utf-8")
    (folder / "clear\x1b[2J.jpg").write_bytes(b"x")
    # A bidi override reorders how the rest of a name prints ("Trojan Source").
    (folder / "report\u202etxt.exe.txt").write_text(STORY, encoding="utf-8")
    for extra in ([], ["--no-cache"]):
        code, out, err = run(capsys, "list", str(folder), "--json", *extra)
        assert code == 0, err
        data = json.loads(out)
        assert sorted(a["id"] for a in data["articles"]) == [
            "caf\\xe9",
            "evil\\x1b]0;pwned\\x07\\x1b[31mred",
            "report\\u202etxt.exe",
        ]
        assert [Path(s["path"]).name for s in data["skipped"]] == ["clear\\x1b[2J.jpg"]
        code, out, err = run(capsys, "stories", str(folder), *extra)
        assert code == 0, err
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
        assert "caf\\xe9" in out
    # The real path still finds the article.
    code, out, err = run(capsys, "show", str(folder / latin1_name), "--json")
    assert code == 0, err
    assert json.loads(out)["id"] == "caf\\xe9"
    code, out, err = run(capsys, "notes", "add", "caf", "-C", str(folder), "--quote", "council met",
                         "--data-dir", str(tmp_path / "data"))  # fmt: skip
    assert code == 0, err


def test_options_written_before_the_command_go_to_the_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("A lone article about nothing much at all.", encoding="utf-8")
    code, out, err = run(capsys, "--no-cache", "--json", "list", str(tmp_path))
    assert (code, err) == (0, "")
    assert [a["id"] for a in json.loads(out)["articles"]] == ["a"]
    code, out, _ = run(capsys, "--no-cache", "stories", str(tmp_path))
    assert code == 0 and out.startswith("1 story from 1 article")
    # A folder named like a command is still a folder to open.
    (tmp_path / "stories").mkdir()
    monkeypatch.chdir(tmp_path)
    assert _command_first(["--no-cache", "stories"], {"stories"}, frozenset()) == [
        "--no-cache",
        "stories",
    ]
    # The options that take a value are read off the parser, every command's included.
    assert {"--data-dir", "--corpus", "-C", "--dct", "--quote"} <= options_with_value(
        build_parser()[0]
    )
    assert not {"--json", "--no-cache", "--force"} & options_with_value(build_parser()[0])
