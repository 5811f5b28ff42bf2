"""Loading: format detection, paths versus text, and newline normalisation."""

from pathlib import Path

import pytest

from seoclean.errors import EmptyInputError, InputError
from seoclean.ingest import load, sniff_format


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
        ("---\ntitle: x\n---\nBody text.", "markdown"),
        ("# Heading\n\nSome text.", "markdown"),
        ("Just a plain paragraph of text.\n\nAnd another.", "text"),
    ],
)
def test_sniff_format(text, expected):
    assert sniff_format(text) == expected


def test_load_reads_a_path_and_uses_its_extension(tmp_path: Path):
    draft = tmp_path / "draft.md"
    draft.write_text("# Title\n\nBody text here.\n", encoding="utf-8")
    doc = load(str(draft))
    assert doc.format == "markdown"
    assert doc.path == str(draft)


def test_load_normalises_windows_newlines():
    doc = load(b"First line.\r\nSecond line.\r\n")
    assert doc.text == "First line.\nSecond line.\n"
    assert doc.position(doc.text.index("Second")) == (2, 1)


def test_load_refuses_empty_and_unknown_formats():
    with pytest.raises(EmptyInputError):
        load("   \n ")
    with pytest.raises(InputError, match="unknown format"):
        load("Some text", format="pdf")
