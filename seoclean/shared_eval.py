"""Real evaluation data kept outside the repository (``../shared/eval``): read it where it lies.

It is evaluation data only: never copied into the project, never trained or tuned on, never
mined for lexicons. Everything here reads files and groups them; nothing is written.

Layout expected (see the folder's README): ``clean/*.txt`` (real articles), ``spam/*.txt`` with
``spam/MANIFEST.json`` (templated doorway pages, a spun comment-spam dump, WordPress comment spam),
and optionally ``clean_html/`` and ``spam_html/`` with the HTML of some of them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SHARED_EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
_CLEAN_GROUPS = {
    "scrapinghub": "clean: news and blog articles (ScrapingHub benchmark)",
    "trafilatura": "clean: web pages (trafilatura test set)",
    "wikitext2": "clean: Wikipedia articles (WikiText-2)",
}
TEMPLATED = "spam: templated doorway pages (backlinkoo)"


@dataclass(frozen=True)
class SharedDocument:
    path: Path
    label: int  # 1 spam, 0 clean
    group: str

    @property
    def format(self) -> str:
        return "html" if self.path.suffix == ".html" else "text"


def available(root: str | Path = DEFAULT_SHARED_EVAL) -> bool:
    return (Path(root) / "clean").is_dir() and (Path(root) / "spam").is_dir()


def load_shared(root: str | Path = DEFAULT_SHARED_EVAL, *, html: bool = False) -> list[SharedDocument]:
    """The clean and spam documents, plain text (``html=False``) or the HTML versions."""
    root = Path(root)
    if not available(root):
        raise FileNotFoundError(f"no shared evaluation data under {root} (expected clean/ and spam/)")
    clean_dir, spam_dir = ("clean_html", "spam_html") if html else ("clean", "spam")
    pattern = "*.html" if html else "*.txt"
    sources = _spam_sources(root / "spam" / "MANIFEST.json")
    documents = [SharedDocument(p, 0, _clean_group(p.name)) for p in _documents(root / clean_dir, pattern)]
    documents += [SharedDocument(p, 1, _spam_group(p.name, sources)) for p in _documents(root / spam_dir, pattern)]
    return documents


def _documents(folder: Path, pattern: str) -> list[Path]:
    """The data files of a folder: not its notes (README.txt, PROVENANCE.txt are upper-case)."""
    return [path for path in sorted(folder.glob(pattern)) if not path.stem.isupper()]


def _clean_group(name: str) -> str:
    prefix = name.split("_", 1)[0]
    return _CLEAN_GROUPS.get(prefix, f"clean: {prefix}")


def _spam_group(name: str, sources: dict[str, str]) -> str:
    if name.startswith("backlinkoo-template"):
        return TEMPLATED
    if name.startswith("spunspam"):
        return "spam: spintax comment dump (one spambot, published by a blog)"
    match = re.match(r"commentspam_wp-(\d+)-", name)
    if match:
        return f"spam: WordPress comments, dump {match.group(1)} ({sources.get(name, 'unknown site')})"
    return "spam: other"


def _spam_sources(manifest: Path) -> dict[str, str]:
    """File name -> the site a comment came from, as the manifest describes it."""
    if not manifest.is_file():
        return {}
    sources = {}
    for entry in json.loads(manifest.read_text(encoding="utf-8")):
        described = re.search(r"\((.*)\); repository", entry.get("source", ""))
        if described:
            sources[entry["file"]] = described.group(1)
    return sources
