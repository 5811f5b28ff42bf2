"""Bad input never raises: every input gets a report, and a batch gives one report per input, in order."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import seoclean
from seoclean.analysis import Analyzer
from seoclean.ingest import load
from seoclean.ingest.decode import decode_bytes

GOOD = (
    "Our town library reopened this spring after a long renovation. The reading room now has large windows, "
    "new shelves and quiet corners where students can work in the afternoon. Volunteers run a homework club on "
    "Tuesdays, and the children's section hosts a story hour every Saturday morning. The librarians say that "
    "visits have doubled since the doors opened again, and they hope to extend the opening hours in the autumn "
    "if the council agrees to fund two more part-time positions."
)
# Smart quotes, dashes, an ellipsis, accents and the euro sign: the characters cp1252 puts in 0x80-0xFF.
CP1252_TEXT = (
    "\u201cIt\u2019s the best caf\u00e9 in town,\u201d said Ren\u00e9e \u2014 and the na\u00efve critics agreed\u2026 "
    "The r\u00e9sum\u00e9 of the chef lists a d\u00e9but in 1998, and an espresso still costs \u20ac2 there. "
    "Most of the regulars come for the pastries, which are baked every morning before the doors open.\n"
)
GERMAN = (
    "Im Frühling öffnet der kleine Gemüsegarten hinter dem Rathaus wieder seine Tore. Die Nachbarn treffen sich "
    "jeden Samstagmorgen, um gemeinsam Beete anzulegen, Kompost zu wenden und junge Pflanzen zu gießen. Wer keinen "
    "eigenen Garten hat, bekommt hier ein kleines Stück Land und lernt von erfahrenen Gärtnern, wann man Tomaten "
    "setzt und warum Ringelblumen Schädlinge fernhalten."
)
FRENCH = (
    "Chaque été, la petite bibliothèque du quartier organise des lectures en plein air pour les enfants. Les "
    "bénévoles installent des couvertures sous les arbres du parc et choisissent des contes venus du monde entier. "
    "Les parents restent souvent pour écouter, eux aussi, et certains apportent des fruits à partager. À la fin "
    "de la saison, chaque enfant repart avec un livre offert par les commerçants de la rue."
)
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
# Fixed seeds: the same garbage on every run. Full-range bytes are caught as binary; bytes above
# 0x7F only are not binary, and no encoding explains them.
RANDOM_BYTES = random.Random(7).randbytes(2000)
RANDOM_HIGH_BYTES = bytes(random.Random(7).choices(range(0x80, 0x100), k=500))
MALFORMED_HTML = "<html><body><p>unclosed <div>text"


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    # One analyser for the module: detectors and the lexicon load once, as in a real batch.
    return Analyzer()


def assert_error(report, *words: str) -> None:
    assert report.status == "error"
    assert report.findings == []
    for word in words:
        assert word in report.error


# -- one input at a time, through the one-call API ------------------------------------------------
@pytest.mark.parametrize("source", ["", b"", "   \n\t  \n", b" \r\n \t"], ids=["str", "bytes", "ws-str", "ws-bytes"])
def test_empty_and_whitespace_only_inputs_are_error_reports(source):
    assert_error(seoclean.analyze(source), "empty")


def test_binary_bytes_are_an_error_report():
    assert_error(seoclean.analyze(PNG_BYTES), "binary")


@pytest.mark.parametrize("data", [RANDOM_BYTES, RANDOM_HIGH_BYTES], ids=["full-range", "high-only"])
def test_random_undecodable_bytes_are_an_error_report_not_an_exception(data):
    report = seoclean.analyze(data)
    assert report.status == "error"
    assert report.error


def test_cp1252_bytes_with_smart_quotes_decode_to_the_original_text():
    # charset-normalizer ties cp1250 and cp1252 on such text; cp1250 would turn "naïve" into "naďve".
    text, encoding = decode_bytes(CP1252_TEXT.encode("cp1252"))
    assert (text, encoding) == (CP1252_TEXT, "cp1252")
    assert load(CP1252_TEXT.encode("cp1252")).text == CP1252_TEXT


def test_cp1252_bytes_are_analysed(analyzer):
    report = analyzer.analyze(CP1252_TEXT.encode("cp1252"))
    assert report.status == "ok"
    assert report.language == "en"


@pytest.mark.parametrize("as_bytes", [False, True], ids=["str", "bytes"])
def test_input_over_max_bytes_is_an_error_naming_the_limit(as_bytes):
    text = GOOD * 3
    report = Analyzer(max_bytes=1000).analyze(text.encode() if as_bytes else text)
    assert_error(report, "1,000-byte limit", "max_bytes")


def test_file_over_max_bytes_is_an_error_naming_the_limit(tmp_path: Path):
    page = tmp_path / "big.txt"
    page.write_text(GOOD * 3, encoding="utf-8")
    assert_error(Analyzer(max_bytes=1000).analyze(page), "1,000-byte limit")


def test_malformed_html_is_analysed_without_crashing():
    report = seoclean.analyze(MALFORMED_HTML)
    assert report.format == "html"
    # So little visible text may be refused as empty or as not clearly English, but never crash.
    assert report.status in {"ok", "unsupported-language", "error"}
    assert "internal error" not in (report.error or "")


def test_malformed_html_with_real_prose_is_analysed():
    report = seoclean.analyze(f"<html><body><p>unclosed <div>{GOOD}<p>And a last <b>unclosed paragraph")
    assert report.status == "ok"
    assert report.format == "html"
    assert report.words > 50


def test_long_one_line_page_with_no_visible_text_is_an_error_report():
    # Longer than a file name may be: checking whether it names a file must not raise OSError.
    page = "<html><head><title></title></head><body>" + "<div></div>" * 40 + "</body></html>"
    assert_error(seoclean.analyze(page), "no visible text")


@pytest.mark.parametrize(("text", "language"), [(GERMAN, "de"), (FRENCH, "fr")], ids=["german", "french"])
def test_non_english_text_is_unsupported_with_no_findings(text, language):
    report = seoclean.analyze(text)
    assert report.status == "unsupported-language"
    assert report.language == language
    assert report.findings == []
    assert report.label is None
    assert "English" in report.error


@pytest.mark.parametrize("as_path", [True, False], ids=["Path", "str"])
def test_missing_file_is_an_error_report(tmp_path: Path, as_path):
    missing = tmp_path / "missing.txt"
    assert_error(seoclean.analyze(missing if as_path else str(missing)), "no such file", "missing.txt")


# -- a batch mixing everything ---------------------------------------------------------------------
def test_batch_gives_one_report_per_input_in_order(tmp_path: Path):
    analyzer = Analyzer(max_bytes=4000)  # small, so "huge" needs no giant string
    good_file = tmp_path / "good.txt"
    good_file.write_text(GOOD, encoding="utf-8")
    inputs = [
        ("empty", "", "error"),
        ("whitespace", "  \n ", "error"),
        ("png", PNG_BYTES, "error"),
        ("random", RANDOM_BYTES, "error"),
        ("random-high", RANDOM_HIGH_BYTES, "error"),
        ("cp1252", CP1252_TEXT.encode("cp1252"), "ok"),
        ("huge", (GOOD * 10).encode(), "error"),
        ("html", MALFORMED_HTML, None),  # any status but a crash
        ("german", GERMAN, "unsupported-language"),
        ("french", FRENCH, "unsupported-language"),
        ("missing", tmp_path / "missing.txt", "error"),
        ("good", GOOD, "ok"),
        ("good-file", good_file, "ok"),
    ]
    reports = list(analyzer.analyze_many(source for _, source, _ in inputs))
    assert len(reports) == len(inputs)
    for (name, _, expected), report in zip(inputs, reports):
        assert "internal error" not in (report.error or ""), name
        if expected is not None:
            assert report.status == expected, name
    assert "limit" in reports[6].error
    assert "no such file" in reports[10].error
    assert reports[-1].path == str(good_file)


def test_module_level_analyze_many_matches_the_analyzer():
    reports = list(seoclean.analyze_many(["", GOOD, GERMAN]))
    assert [r.status for r in reports] == ["error", "ok", "unsupported-language"]
