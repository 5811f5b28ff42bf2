"""Real, human-written web pages as clean sources: documentation that Debian packages install.

Every other clean source is the seoclean team's own writing, in one style and without real page
chrome. These pages are real prose by many authors (tutorials, how-tos, FAQs, release notes, an
administrator's handbook, desktop applications' manuals) inside real generated HTML (Sphinx and
DocBook navigation, tables of contents, "Previous topic" / "Next topic", "Report a bug", copyright
footers). Each page gives

* a ``CleanSource`` (its main content as Markdown, at most ``MAX_WORDS`` words), which goes through
  the same clean and spam variants as the team's articles, and
* a clean row of the page's own HTML, chrome and all (``real-page``), when the page is short enough.

Needs ``apt-get install -y python3.11-doc debian-handbook debian-faq debian-reference-en gnucash-docs
gimp-help-en``; the licences are recorded in ``REAL_PAGE_SOURCES`` and in the data card.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from seoclean.corpus.sources import CleanSource

MIN_WORDS, MAX_WORDS = 150, 1000
MAX_PAGE_WORDS = 2000  # longer pages give only their Markdown source, not a raw-HTML row
_PROSE = ("paragraph", "list_item", "heading", "quote")
_LEADING_MARKUP = re.compile(r"^[\s#>*+|`~=-]+")


@dataclass(frozen=True, slots=True)
class PageSet:
    """One package's pages: where they are, how many to take, and under what licence."""

    genre: str  # the group the split is stratified by
    package: str
    root: str
    patterns: tuple[str, ...]
    take: int
    licence: str


REAL_PAGE_SOURCES = (
    PageSet(
        "docs-python",
        "python3.11-doc",
        "/usr/share/doc/python3.11-doc/html",
        (
            "tutorial/*.html",
            "howto/*.html",
            "faq/*.html",
            "using/*.html",
            "whatsnew/*.html",
            "library/*.html",
            "reference/*.html",
            "extending/*.html",
        ),
        90,
        "PSF License Version 2 (Python documentation; Debian copyright file of python3.11-doc)",
    ),
    PageSet(
        "docs-debian",
        "debian-handbook",
        "/usr/share/doc/debian-handbook/html/en-US",
        ("*.html",),
        60,
        "GPL-2+ or CC-BY-SA-3.0 (The Debian Administrator's Handbook, Raphaël Hertzog and Roland Mas)",
    ),
    PageSet(
        "docs-debian",
        "debian-faq",
        "/usr/share/doc/debian/FAQ",
        ("*.en.html",),
        20,
        "verbatim and modified copies permitted with its permission notice (The Debian GNU/Linux FAQ, "
        "Copyright (C) 1996-2003 Software in the Public Interest; notice reproduced in the data card)",
    ),
    PageSet(
        "docs-debian",
        "debian-reference-en",
        "/usr/share/doc/debian-reference-en/docs",
        ("ch*.en.html",),
        12,
        "GPL-2+ (Debian Reference, Osamu Aoki)",
    ),
    # Desktop applications' manuals: a finance guide (accounts, budgets, loans) and an image
    # editor's how-tos, written by other teams in another register than system documentation.
    PageSet(
        "docs-apps",
        "gnucash-docs",
        "/usr/share/doc/gnucash-docs",
        ("gnucash-guide-en/*.html", "gnucash-help-en/*.html"),
        90,
        "GFDL-1.1+ with no Invariant Sections, no Front-Cover and no Back-Cover Texts (GnuCash Documentation "
        "Team; Debian copyright file of gnucash-docs)",
    ),
    PageSet(
        "docs-apps",
        "gimp-help-en",
        "/usr/share/gimp/2.0/help/en",
        ("*.html", "*/*.html", "*/*/*.html"),
        70,
        "GFDL-1.2+ with no Invariant Sections, no Front-Cover and no Back-Cover Texts (The GIMP Documentation "
        "Team; Debian copyright file of gimp-help-en)",
    ),
)


@dataclass(frozen=True, slots=True)
class RealPage:
    source: CleanSource
    html: str | None  # the page as installed, when it has at most MAX_PAGE_WORDS words
    package: str


def missing_packages() -> list[str]:
    return [s.package for s in REAL_PAGE_SOURCES if not Path(s.root).is_dir()]


def read_real_pages(seed: int) -> list[RealPage]:
    """A seeded sample of each package's pages with enough prose, sorted by source id."""
    missing = missing_packages()
    if missing:
        raise FileNotFoundError(
            f"the real clean pages need Debian packages {', '.join(missing)}: apt-get install -y {' '.join(missing)}"
        )
    pages = []
    for page_set in REAL_PAGE_SOURCES:
        taken = 0
        for path in shuffled_paths(page_set, f"{seed}:real"):
            page = read_page(path, Path(page_set.root), page_set)
            if page is not None:
                pages.append(page)
                taken += 1
            if taken == page_set.take:
                break
    return sorted(pages, key=lambda page: page.source.source_id)


def shuffled_paths(page_set: PageSet, order: str) -> list[Path]:
    """The package's page files in a seeded order (``order`` seeds the shuffle)."""
    root = Path(page_set.root)
    paths = sorted({p for pattern in page_set.patterns for p in root.glob(pattern) if p.is_file()})
    random.Random(f"{order}:{page_set.package}").shuffle(paths)
    return paths


def read_page(path: Path, root: Path, page_set: PageSet) -> RealPage | None:
    """The page as a source, or None when its main content has too little prose or is not English."""
    from seoclean.ingest import load_text
    from seoclean.ingest.language import detect_language

    html = path.read_text(encoding="utf-8", errors="replace")
    doc = load_text(html, format="html")
    blocks = [b for b in doc.blocks if b.in_main and b.kind in _PROSE]
    lines, title, words, all_words = [], None, 0, 0
    for block in blocks:
        text = _LEADING_MARKUP.sub("", " ".join(doc.text[block.start : block.end].split()))
        n_words = len(text.split())
        if not text or not any(c.isalpha() for c in text):
            continue
        all_words += n_words
        if block.kind == "heading" and title is None:
            title = text
            continue
        if words + n_words > MAX_WORDS:
            continue
        words += n_words
        lines.append(_markdown_line(block.kind, text))
    if title is None or words < MIN_WORDS:
        return None
    body = f"# {title}\n\n" + "\n\n".join(lines) + "\n"
    if not detect_language(body).is_english:  # a contributors' page of names: the analyzer would refuse it
        return None
    stem = path.relative_to(root).with_suffix("").as_posix().replace("/", "-").replace(".", "-")
    source = CleanSource(f"real/{page_set.package}/{stem}", page_set.genre, "documentation", title, body)
    return RealPage(source, html if all_words <= MAX_PAGE_WORDS else None, page_set.package)


def _markdown_line(kind: str, text: str) -> str:
    # Emphasis markers and link brackets in real prose ("*args", "[options]") would be read as
    # Markdown by the generator's converter; they carry no meaning here.
    text = text.replace("*", "").replace("[", "(").replace("]", ")").replace("_", " ").replace("`", "'")
    if kind == "heading":
        return f"## {text}"
    if kind == "list_item":
        return f"- {text}"
    return text
