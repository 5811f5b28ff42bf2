"""`seoclean clean`: standard output, --out-dir, --in-place (atomic, with --backup), --diff, --explain."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from seoclean.cli import main
from seoclean.rewrite import files

SPAM_DRAFT = """\
# How to Descale a Kettle

Limescale builds up fastest in hard-water areas. A thin white crust on the element is harmless,
but it slows the kettle down and flakes into your tea.

- cheap kettle descaler near me
- best kettle descaler deals
- kettle descaler price uk

White vinegar or citric acid works well. Fill the kettle halfway with equal parts water and
vinegar, bring it to the boil, and leave it for an hour before you pour it away.

Report this page

Create a free website or blog at Pagenest
"""

CLEAN_DRAFT = """\
# Growing Basil on a Windowsill

Basil wants warmth and light more than anything else. A south-facing windowsill gives it both,
and a pot with drainage holes keeps the roots from sitting in water.
"""

PAGE = """<!doctype html><html><head><title>Basil</title></head><body>
<nav><a href="/">Home</a> <a href="/blog">Blog</a> <a href="/about">About us</a> <a href="/contact">Contact</a></nav>
<article><h1>Growing Basil on a Windowsill</h1>
<p>Basil wants warmth and light more than anything else. A south-facing windowsill gives it both,
and a pot with drainage holes keeps the roots from sitting in water for long.</p></article>
</body></html>"""


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    folder = tmp_path / "drafts"
    (folder / "sub").mkdir(parents=True)
    (folder / "spam.md").write_text(SPAM_DRAFT, encoding="utf-8")
    (folder / "sub" / "clean.md").write_text(CLEAN_DRAFT, encoding="utf-8")
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    return folder


def test_stdout_gets_the_cleaned_text(drafts, capsys):
    assert main(["clean", str(drafts / "spam.md")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# How to Descale a Kettle\n") and "near me" not in out and "Pagenest" not in out
    assert (drafts / "spam.md").read_text(encoding="utf-8") == SPAM_DRAFT  # never touched without --in-place


def test_diff_and_explain(drafts, capsys):
    assert main(["clean", str(drafts / "spam.md"), "--diff", "--explain"]) == 0
    captured = capsys.readouterr()
    assert "-- cheap kettle descaler near me" in captured.out and "-Report this page" in captured.out
    assert captured.out.startswith("--- a/") and "+++ b/" in captured.out
    explained = captured.err.splitlines()
    assert explained and all(line.startswith(str(drafts / "spam.md") + ":") for line in explained)
    assert any(" SEO105 " in line for line in explained) and any(" SEO301 " in line for line in explained)


def test_out_dir_keeps_relative_paths_and_renders_html_as_markdown(drafts, tmp_path):
    out = tmp_path / "out"
    assert main(["clean", str(drafts), "--out-dir", str(out)]) == 0
    assert (out / "sub" / "clean.md").read_text(encoding="utf-8") == CLEAN_DRAFT
    assert "near me" not in (out / "spam.md").read_text(encoding="utf-8")
    page = (out / "page.md").read_text(encoding="utf-8")
    assert page.startswith("# Growing Basil on a Windowsill\n\nBasil wants") and "About us" not in page
    assert main(["clean", str(drafts / "page.html"), "--out-dir", str(out), "--to", "text"]) == 0
    assert (out / "page.txt").read_text(encoding="utf-8").startswith("Growing Basil on a Windowsill\n\n")


def test_in_place_with_backup_rewrites_only_what_changed(drafts):
    spam, clean_file = drafts / "spam.md", drafts / "sub" / "clean.md"
    before = clean_file.stat().st_mtime_ns
    assert main(["clean", str(spam), str(clean_file), "--in-place", "--backup"]) == 0
    assert "near me" not in spam.read_text(encoding="utf-8")
    assert (drafts / "spam.md.bak").read_text(encoding="utf-8") == SPAM_DRAFT
    assert clean_file.read_text(encoding="utf-8") == CLEAN_DRAFT and clean_file.stat().st_mtime_ns == before
    assert not (drafts / "sub" / "clean.md.bak").exists()
    assert main(["clean", str(spam), "--in-place"]) == 0  # cleaning a cleaned file changes nothing
    assert spam.read_text(encoding="utf-8") == (drafts / "spam.md").read_text(encoding="utf-8")


def test_in_place_refuses_html_and_backup_needs_in_place(drafts, capsys):
    assert main(["clean", str(drafts / "page.html"), "--in-place"]) == 2
    assert "--in-place refuses HTML" in capsys.readouterr().err
    assert (drafts / "page.html").read_text(encoding="utf-8") == PAGE
    assert main(["clean", str(drafts / "spam.md"), "--backup"]) == 2
    with pytest.raises(SystemExit):
        main(["clean", str(drafts / "spam.md"), "--in-place", "--out-dir", "x"])


def test_a_failure_mid_write_leaves_the_original_and_no_temporary_file(drafts, monkeypatch):
    spam = drafts / "spam.md"

    def broken_replace(source, target):
        raise OSError("disk full")

    monkeypatch.setattr(files.os, "replace", broken_replace)
    assert main(["clean", str(spam), "--in-place"]) == 2
    assert spam.read_text(encoding="utf-8") == SPAM_DRAFT
    assert sorted(p.name for p in drafts.iterdir()) == ["page.html", "spam.md", "sub"]


def test_atomic_write_keeps_permissions_and_cleans_up_on_error(tmp_path, monkeypatch):
    target = tmp_path / "draft.md"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    files.atomic_write(target, b"new")
    assert target.read_text(encoding="utf-8") == "new" and (target.stat().st_mode & 0o777) == 0o640

    class Boom(Exception):
        pass

    def broken_fsync(fd):
        raise Boom()

    monkeypatch.setattr(files.os, "fsync", broken_fsync)
    with pytest.raises(Boom):
        files.atomic_write(target, b"half")
    assert target.read_text(encoding="utf-8") == "new" and os.listdir(tmp_path) == ["draft.md"]


def test_missing_file_is_an_error_and_the_others_go_on(drafts, capsys):
    assert main(["clean", str(drafts / "nope.md"), str(drafts / "sub" / "clean.md")]) == 2
    captured = capsys.readouterr()
    assert "nope.md" in captured.err and CLEAN_DRAFT in captured.out


def test_the_command_restores_spun_wording_as_the_library_does(tmp_path, capsys):
    # The CLI once defaulted to a stricter confidence (0.6) than CleanPolicy (0.55), so `seoclean
    # clean` restored less than `seoclean.clean()` and the figures of scripts/eval_clean.py promised.
    from seoclean.rewrite.api import clean

    spun = (
        "Mow the lawn once a hebdomad in spring and summer, and never cut more than a third of the blade at a "
        "time. Keep the blades of the mower sharp, because a dull blade tears the grass and leaves brown tips. "
        "Water deeply early in the forenoon, so that the filth stays moist and the grass dries before dark. Feed "
        "the lawn in spring and again in early autumn, and rake out moss and dead grass when the soil is damp. "
        "A healthy lawn puts its muscularity into deep roots, which help it survive a dry summer."
    )
    draft = tmp_path / "lawn.txt"
    draft.write_text(spun, encoding="utf-8")
    main(["clean", str(draft)])
    by_default = capsys.readouterr().out
    assert by_default.rstrip("\n") == clean(spun, format="text").text.rstrip("\n")
    assert "puts its energy into" in by_default
    main(["clean", "--spin-confidence", "0.95", str(draft)])
    assert "puts its muscularity into" in capsys.readouterr().out
    main(["clean", "--no-spin", str(draft)])
    assert capsys.readouterr().out.rstrip("\n") == spun
