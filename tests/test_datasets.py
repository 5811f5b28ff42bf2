"""The committed dataset (datasets/seoclean-v1.jsonl.gz) and the generator that makes it."""

import random
import re
from collections import Counter
from pathlib import Path

import pytest

from seoclean.corpus import load_dataset, read_rows
from seoclean.corpus.generator import boilerplate, chrome, comments, doorway, duplication, mashup, spinner, stuffer
from seoclean.corpus.generator.keyphrases import frequent_words, topic_core
from seoclean.corpus.generator.page import Wrapper
from seoclean.corpus.generator.render import render
from seoclean.corpus.generator.spans import Edit, Span, apply_edits, check_spans
from seoclean.corpus.generator.thesaurus import MYTHES_PATH, Thesaurus
from seoclean.corpus.generator.variants import (
    PAGE_RECIPES,
    TOPIC_HEADINGS,
    Context,
    doorway_flavour,
    make_row,
    mashup_donors,
    plan,
)
from seoclean.corpus.pools import read_pool
from seoclean.corpus.sources import CleanSource, read_sources, topic_headed
from seoclean.corpus.splits import assign_splits

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "datasets" / "sources" / "clean"
SEED = 13  # the seed scripts/build_datasets.py uses by default

ARTICLE = """# Easy Stretches for Runners

Runners often engage their muscles too quickly because they skip a warm-up. A short routine helps.

## Why it matters

Cold muscles strain more easily than warm ones. Five minutes of brisk walking is enough for most people.

- Walk briskly for five minutes
- Swing each leg ten times
"""
TINY_THESAURUS = Thesaurus.from_dict(
    {
        "runners": {"noun": ["joggers"]},
        "quickly": {"adv": ["speedily"]},
        "routine": {"noun": ["bit"]},
        "cold": {"adj": ["chilly"], "noun": ["common cold"]},
        "brisk": {"adj": ["energetic"]},
        "minutes": {"noun": ["moments"]},
        "walking": {"noun": ["walk"]},
        "stretches": {"noun": ["elongations"]},
    }
)


@pytest.fixture(scope="module")
def rows():
    return list(read_rows())


def test_no_source_id_appears_in_two_splits(rows):
    split_of = {}
    for row in rows:
        assert split_of.setdefault(row["source_id"], row["split"]) == row["split"], row["id"]
    assert set(split_of.values()) == {"train", "dev", "test"}


def test_every_span_text_matches_the_document_at_its_offsets(rows):
    n_spans = 0
    for row in rows:
        for span in row["spans"]:
            assert row["text"][span["start"] : span["end"]] == span["text"], (row["id"], span)
            n_spans += 1
    assert n_spans > 10_000


def test_every_spin_span_has_its_original(rows):
    spins = [span for row in rows for span in row["spans"] if span["kind"] == "spin"]
    assert spins and all(span.get("original") for span in spins)


def test_labels_agree_with_kinds_and_spans(rows):
    for row in rows:
        clean = row["kind"] in ("clean", "real-page") or row["kind"].startswith("hard-negative:")
        assert row["label"] == (0 if clean else 1), row["id"]
        assert bool(row["spans"]) == (row["label"] == 1), row["id"]
        assert row["format"] in ("markdown", "text", "html")


def test_mashups_only_borrow_from_their_own_split(rows):
    split_of = {row["source_id"]: row["split"] for row in rows}
    donors = [(row, span["donor"]) for row in rows for span in row["spans"] if span["kind"] == "mashup"]
    assert donors
    assert all(split_of[donor] == row["split"] for row, donor in donors)


def test_load_dataset_filters_by_split_and_kind_prefix():
    dev = load_dataset("dev")
    assert dev and {e.split for e in dev} == {"dev"}
    negatives = load_dataset("test", kinds=("hard-negative",))
    assert negatives and all(e.kind.startswith("hard-negative:") and not e.is_spam for e in negatives)


def _row_for(source_id: str, index: int, seed: int, thesaurus: Thesaurus) -> dict:
    sources = read_sources(SOURCES)
    splits = assign_splits(sources, seed=seed)
    source = next(s for s in sources if s.source_id == source_id)
    context = Context(thesaurus, tuple(s for s in sources if splits[s.source_id] == splits[source_id]))
    recipe, fmt = plan(source, seed)[index]
    return make_row(source, index, recipe, fmt, splits[source_id], context, seed)


@pytest.mark.parametrize(
    "source_id", ["health/001-understanding-blood-pressure", "software/003-python-virtual-environments"]
)
def test_generator_is_deterministic_by_seed(source_id):
    for index in range(3, 7):  # the spam variants
        first = _row_for(source_id, index, SEED, TINY_THESAURUS)
        assert first == _row_for(source_id, index, SEED, TINY_THESAURUS)
    assert (
        _row_for(source_id, 5, SEED, TINY_THESAURUS)["text"] != _row_for(source_id, 5, SEED + 1, TINY_THESAURUS)["text"]
    )


@pytest.mark.skipif(not MYTHES_PATH.exists(), reason="needs apt-get install mythes-en-us")
def test_committed_rows_are_what_the_generator_makes(rows):
    thesaurus = Thesaurus.from_mythes()
    committed = {row["id"]: row for row in rows}
    for row_id in ("legal/007-neighbours-tree-forum#3", "travel/010-beat-jet-lag#6", "tech/005-what-is-an-ssd#1"):
        source_id, index = row_id.split("#")
        regenerated = _row_for(source_id, int(index), SEED, thesaurus)
        assert regenerated == committed[row_id], "generator changed: run python scripts/build_datasets.py"


def test_apply_edits_shifts_spans_and_refuses_to_cut_into_a_leaf():
    text = "one two three"
    text, spans = apply_edits(text, [], [Edit(4, 7, "deux", (Span(0, 4, "spin", "deux", original="two"),))])
    text, spans = apply_edits(text, spans, [Edit(0, 0, "zero "), Edit(len(text), len(text), " four")])
    assert text == "zero one deux three four" and text[spans[0].start : spans[0].end] == "deux"
    with pytest.raises(ValueError, match="cuts into"):
        apply_edits(text, spans, [Edit(spans[0].start + 1, spans[0].start + 1, "x")])
    container = [Span(0, 8, "duplicate", "zero one")]
    _grown, moved = apply_edits(text, container, [Edit(5, 8, "uno!")])
    assert moved[0].text == "zero uno!"


def test_spinner_alone_marks_each_substitution_with_its_original():
    style = spinner.SpinStyle(rate=0.7, mode="mixed", keep_inflection=1.0)
    text, spans, stats = spinner.spin(ARTICLE, [], TINY_THESAURUS, style, random.Random(1))
    check_spans(text, spans)
    assert spans and all(s.kind == "spin" and s.original for s in spans)
    assert {"phrase", "word"} <= {s.detail for s in spans}
    assert stats["words_changed"] >= len(spans)
    assert "Swing each leg" in text  # no substitutes for these words: left alone


def test_stuffer_alone_inserts_keyphrases_and_a_template_title():
    style = stuffer.StuffStyle(
        density=0.08,
        placements=(("mid-sentence", 1.0), ("list", 1.0), ("heading", 1.0)),
        title_template="Top Guidelines Of {kw}",
    )
    text, spans, _ = stuffer.stuff(ARTICLE, [], "Easy Stretches for Runners", style, random.Random(2))
    check_spans(text, spans)
    assert all(s.kind == "keyword" for s in spans)
    title = next(s for s in spans if s.detail == "title-template")
    assert title.text.startswith("Top Guidelines Of ") and title.original == "Easy Stretches for Runners"
    assert text.startswith("# Top Guidelines Of ")


def test_boilerplate_alone_wraps_the_post_in_platform_lines():
    wrapper = boilerplate.make_boilerplate(random.Random(3), title="Easy Stretches", n_top=1, n_bottom=3)
    for fmt in ("markdown", "text", "html"):
        text, spans = render(ARTICLE, [], wrapper, fmt, random.Random(4))
        assert [s.kind for s in spans] == ["boilerplate"] * 4
        assert "Runners often engage" in text


def test_duplication_alone_copies_a_paragraph_exactly():
    style = duplication.DupStyle(paragraphs=1)
    text, spans, _ = duplication.duplicate(ARTICLE, [], style, random.Random(5))
    check_spans(text, spans)
    assert spans and all(s.kind == "duplicate" and s.detail == "paragraph" for s in spans)
    assert all(text.count(s.text) >= 2 for s in spans)


def test_mashup_alone_pastes_donor_passages_with_their_source():
    donor_body = (
        "# Donor\n\n" + "Mortgage lenders check your income, your debts and your credit history first. " * 2 + "\n"
    )
    donor = CleanSource("loans/999-donor", "loans", "article", "Donor", donor_body)
    text, spans, stats = mashup.mashup(ARTICLE, [], [donor], random.Random(6), drop_share=0.0)
    check_spans(text, spans)
    assert stats["pasted"] == 1 and spans[0].kind == "mashup" and spans[0].donor == "loans/999-donor"


def test_mashup_donors_are_only_sources_with_a_paragraph_to_paste():
    steps = CleanSource(
        "docs/998-steps", "docs", "article", "Steps", "# Steps\n\n- Open the menu.\n- Pick a brush.\n\nDone.\n"
    )
    prose = CleanSource(
        "loans/999-donor",
        "loans",
        "article",
        "Donor",
        "# Donor\n\n" + "Lenders check your income and debts first. " * 3,
    )
    host = next(s for s in read_sources(SOURCES) if s.source_id == "health/001-understanding-blood-pressure")
    context = Context(TINY_THESAURUS, (host, steps, prose))

    assert not mashup.offers_passage(steps) and mashup.offers_passage(prose)
    for seed in range(20):
        assert {d.source_id for d in mashup_donors(host, context, random.Random(seed))} == {"loans/999-donor"}


def test_chrome_wraps_a_clean_article_without_spans():
    wrapper = chrome.make_chrome(
        random.Random(7),
        genre="fitness",
        title="Easy Stretches",
        topic="stretches",
        related_titles=["Yoga for Runners", "Strength Training FAQ"],
        richness=1.0,
    )
    text, spans = render(ARTICLE, [], wrapper, "html", random.Random(8))
    assert spans == [] and "<footer>" in text and "<article" in text


def test_html_rendering_moves_spans_onto_the_escaped_words():
    body = "# Fish & Chips\n\nEat **best fish near me** today & tomorrow.\n"
    start = body.index("**best")
    spans = [Span(start, start + len("**best fish near me**"), "keyword", "**best fish near me**")]
    text, moved = render(body, spans, Wrapper(site="Example"), "html", random.Random(9))
    assert moved[0].text == "best fish near me" and "<strong>best fish near me</strong>" in text
    assert "<title>Fish &amp; Chips</title>" in text


def test_doorway_page_targets_one_keyphrase_in_title_headings_and_close():
    style = doorway.DoorwayStyle(words=200, density=0.04, sections=4, related=4, kw_heading_share=1.0, dense=True)
    text, spans, stats = doorway.doorway("Easy Stretches for Runners", ARTICLE, style, random.Random(11))
    check_spans(text, spans)
    keyphrase = stats["keyphrase"]
    assert "runners" in keyphrase or "stretches" in keyphrase
    lines = text.splitlines()
    headings = [
        line
        for line in lines
        if line.startswith("## ")
        and not line.lower().startswith(("## related", "## people", "## popular", "## you may"))
    ]
    assert keyphrase.lower() in lines[0].lower() and len(headings) == 4
    assert all(keyphrase.lower() in h.lower() for h in headings)
    assert keyphrase.lower() in lines[-1].lower()
    assert spans and all(s.kind == "keyword" and s.detail == "doorway" for s in spans)
    assert "Runners often engage" not in text  # nothing of the article but its topic
    assert 120 <= stats["words"] <= 400


GUIDE_TITLE = "Sourdough Starter Care: Feeding, Storing and Reviving"
GUIDE_BODY = """# Sourdough Starter Care: Feeding, Storing and Reviving

A sourdough starter is flour and water that wild yeasts and bacteria have colonised. Kept at room
temperature, a sourdough starter wants feeding once or twice a day; in the fridge, once a week.

## Feeding

Discard all but 50 g, then add 50 g of flour and 50 g of water. A lively sourdough starter doubles
within six hours of a feed.

## Reviving a neglected jar

A grey layer of liquid on top means the sourdough starter is hungry, not dead. Pour it off and feed
twice a day for three days.
"""
WORDS = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")
# What makes a doorway page "local" or "commercial"; a guide page has none of it.
LOCAL_OR_COMMERCIAL = re.compile(
    r"\b(?:near me|cheap|buy|best price|discount|deals?|coupon|quotes?|for sale|(?:19|20)\d\d|"
    + "|".join(read_pool("doorway")["cities"])
    + r")\b",
    re.IGNORECASE,
)


def _guide_tail(keyphrase: str, topic: str) -> str:
    assert keyphrase == topic or keyphrase.startswith(topic + " "), (keyphrase, topic)
    return keyphrase[len(topic) :].strip()


def test_guide_tails_are_informational_not_commercial():
    tails = set(read_pool("doorway")["guide_tails"])
    stuffing = read_pool("stuffing")
    commercial = set(stuffing["commercial_prefixes"]) | set(stuffing["commercial_suffixes"])
    assert tails & commercial == {"for beginners"}  # the stuffer's list has it too; it is no price, place or year
    assert not any(LOCAL_OR_COMMERCIAL.search(tail) for tail in tails)


def test_guide_page_names_its_keyphrase_in_title_most_headings_and_both_ends():
    pages = []
    for seed in range(40):
        rng = random.Random(seed)
        style = doorway.sample_style(rng, "guide")
        text, spans, stats = doorway.doorway(GUIDE_TITLE, GUIDE_BODY, style, rng)
        pages.append((style, text))
        check_spans(text, spans)
        keyphrase, topic = stats["keyphrase"].lower(), stats["topic"]
        assert topic == topic_core(GUIDE_TITLE, GUIDE_BODY) and "sourdough starter" in topic
        # the topic, narrowed by one of the article's nouns and / or an informational tail
        tail, tails = _guide_tail(keyphrase, topic), ("", *read_pool("doorway")["guide_tails"])
        noun, _, rest = tail.partition(" ")
        assert tail in tails or (noun in frequent_words(GUIDE_BODY, topic) and rest in tails), keyphrase
        assert not LOCAL_OR_COMMERCIAL.search(text), LOCAL_OR_COMMERCIAL.search(text)
        lines = text.splitlines()
        assert lines[0].startswith("# ") and keyphrase in lines[0].lower()
        headings = [line.lower() for line in lines[1:] if line.startswith("#")]
        assert sum(topic in heading for heading in headings) > len(headings) / 2, text
        if style.kw_heading_share == 1.0:  # every section heading carries the whole keyphrase
            assert sum(keyphrase in heading for heading in headings) >= style.sections
        paragraphs = [block for block in text.split("\n\n") if not block.startswith(("#", "- ", "1. "))]
        assert keyphrase in paragraphs[0].lower() and keyphrase in paragraphs[-1].lower()
        assert "Discard all but 50 g" not in text  # nothing of the article but its topic
        # Every occurrence of the topic is a span, and there are 2.5-6 of them per 100 words.
        occurrences, words = len(re.findall(re.escape(topic), text, re.IGNORECASE)), len(WORDS.findall(text))
        assert occurrences == len(spans) == stats["occurrences"] and words == stats["words"]
        assert 2.5 <= 100 * occurrences / words <= 6.0, (occurrences, words)
        assert 150 <= words <= 500
        assert all(s.kind == "keyword" and s.detail == "doorway" for s in spans)
        assert all(s.text.lower() in (keyphrase, topic) for s in spans)
    # Varied: casing of the keyphrase in running text, lists or none, dense or not, titles.
    assert {style.casing for style, _ in pages} == {"lower", "title"}
    assert {style.dense for style, _ in pages} == {True, False}
    assert any("\n- " in text for _, text in pages) and any("\n- " not in text for _, text in pages)
    titles = [text.splitlines()[0] for _, text in pages]
    assert len({re.sub(r"sourdough starter[a-z ]*", "", title, flags=re.IGNORECASE) for title in titles}) >= 10


def test_guide_pages_are_deterministic_by_seed():
    def page(seed: int) -> tuple:
        rng = random.Random(seed)
        return doorway.doorway(GUIDE_TITLE, GUIDE_BODY, doorway.sample_style(rng, "guide"), rng)

    assert page(5) == page(5) and page(5)[0] != page(6)[0]
    source = next(s for s in read_sources(SOURCES) if doorway_flavour(s, SEED) == "guide")
    first = _row_for(source.source_id, 7, SEED, TINY_THESAURUS)
    assert first["kind"] == "doorway" and first["settings"]["doorway"]["flavour"] == "guide"
    assert first == _row_for(source.source_id, 7, SEED, TINY_THESAURUS)
    assert first["text"] != _row_for(source.source_id, 7, SEED + 1, TINY_THESAURUS)["text"]


def test_committed_doorways_have_their_flavour_shares_and_guides_in_range(rows):
    doorways = [row for row in rows if row["kind"] == "doorway"]
    flavours = Counter(row["settings"]["doorway"]["flavour"] for row in doorways)
    rebuild = "doorway flavours changed: run python scripts/build_datasets.py"
    assert set(flavours) == set(doorway.FLAVOUR_SHARES), rebuild
    for flavour, share in doorway.FLAVOUR_SHARES.items():
        assert abs(flavours[flavour] / len(doorways) - share) <= 0.1, (flavours, rebuild)
    guides = [row for row in doorways if row["settings"]["doorway"]["flavour"] == "guide"]
    for row in guides:
        settings = row["settings"]["doorway"]
        keyphrase, topic = settings["keyphrase"], settings["topic"]
        tail = _guide_tail(keyphrase, topic)  # an article noun and / or an informational tail
        tails = ("", *read_pool("doorway")["guide_tails"])
        assert tail in tails or tail.partition(" ")[2] in tails, row["id"]
        assert len(keyphrase.split()) <= 5, row["id"]
        assert 2.5 <= settings["per_100_words"] <= 6.0 and 150 <= settings["words"] <= 500, row["id"]
        assert all(s["kind"] == "keyword" and s["detail"] == "doorway" for s in row["spans"]), row["id"]
        assert all(s["text"].lower() in (keyphrase, topic) for s in row["spans"]), row["id"]
        if not row["settings"]["chrome"]:  # site chrome may name the topic too (tags, breadcrumbs)
            occurrences = re.findall(rf"\b{re.escape(topic)}\b", row["text"], re.IGNORECASE)
            assert len(occurrences) == len(row["spans"]), row["id"]


def test_topic_headed_article_only_prefixes_section_headings():
    sources = {s.source_id: s for s in read_sources(SOURCES)}
    source = sources["health/001-understanding-blood-pressure"]
    topic = topic_core(source.title, source.body)
    for seed in range(5):
        headed = topic_headed(source, topic, random.Random(seed))
        before, after = source.body.splitlines(), headed.body.splitlines()
        assert len(before) == len(after) and before != after
        for old, new in zip(before, after):
            assert new == old or (old.startswith("## ") and new == f"## Blood pressure: {old[3:]}"), new
        h2 = [line for line in after if line.startswith("## ")]
        assert sum(topic in line.lower() for line in h2) >= 0.6 * len(h2)
    for source_id in (
        "software/005-how-to-write-a-good-bug-report",  # the topic word is part of "Bug Report"
        "local-services/014-moving-house-manchester",  # a place, not a subject
        "health/012-cholesterol-faq",  # a FAQ's headings are its questions
    ):
        source = sources[source_id]
        assert topic_headed(source, topic_core(source.title, source.body), random.Random(0)) is None, source_id


def test_committed_topic_headed_rows_are_clean_articles(rows):
    headed = [row for row in rows if row["kind"] == "hard-negative:topic-headings"]
    assert len(headed) >= 20
    assert all(row["label"] == 0 and not row["spans"] and row["settings"]["recipe"] == TOPIC_HEADINGS for row in headed)
    assert {row["format"] for row in headed} == {"markdown", "text", "html"}


def test_comment_threads_mark_every_spam_comment_and_no_genuine_one():
    for seed in range(20):
        text, spans, stats = comments.spam_thread("Easy Stretches for Runners", ARTICLE, random.Random(seed))
        check_spans(text, spans)
        assert len(spans) == stats["spam_comments"] >= 1 and all(s.kind == "comment" for s in spans)
        anchors = read_pool("comments")["anchors"]
        # every spam comment promotes something: a link or a commercial anchor in its text, a contact
        # (e-mail, phone, handle, "reply"), or a link in its author's name on the header line above it
        for span in spans:
            header = text[: span.start].rstrip("\n").rsplit("\n", 1)[-1]
            promotes = "http" in span.text or any(anchor in span.text for anchor in anchors)
            contact = re.search(r"@\w|\+\d|\breply\b", span.text, re.IGNORECASE) or "](http" in header
            assert promotes or contact, span.text
        assert ("Runners often engage" in text) != stats["standalone"]
        _clean_text, clean_spans, clean_stats = comments.genuine_thread("Easy Stretches", ARTICLE, random.Random(seed))
        assert clean_spans == [] and clean_stats["spam_comments"] == 0 and clean_stats["genuine_comments"] >= 1


def test_genuine_threads_never_repeat_a_comment():
    # Readers do not post identical comments; repeats would teach the model (and the duplicate
    # detector's rewrite) that clean threads contain copies.
    for seed in range(40):
        text, _, _ = comments.genuine_thread("Easy Stretches", ARTICLE, random.Random(seed))
        # Comment bodies, not the "Name says:" headers (an author may reply twice).
        bodies = [p for p in text.split("\n\n") if len(p) > 40 and not p.startswith(("#", "-"))]
        assert len(bodies) == len(set(bodies)), seed


def test_page_rows_follow_the_article_rows_without_changing_them():
    for source in read_sources(SOURCES)[:40]:
        recipes = [recipe for recipe, _ in plan(source, SEED)]
        assert recipes[:3] == ["clean", "clean+chrome", "clean"] and tuple(recipes[7:10]) == PAGE_RECIPES
        assert recipes[10:] in ([], [TOPIC_HEADINGS]), source.source_id


def test_committed_dataset_has_page_kinds_and_real_pages(rows):
    kinds = {row["kind"] for row in rows}
    assert {"doorway", "comment-spam", "hard-negative:comments", "real-page"} <= kinds
    real = [row for row in rows if row["source_id"].startswith("real/")]
    assert real and {row["genre"] for row in real} == {"docs-python", "docs-debian", "docs-apps"}
    assert all(row["label"] == 0 for row in real if row["kind"] == "real-page")
    assert {row["split"] for row in real} == {"train", "dev", "test"}


def _docs_page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>{title}</title></head><body><main><h1>{title}</h1>{body}</main></body></html>"


def test_real_pages_keep_english_prose_and_skip_a_page_of_names(tmp_path):
    from seoclean.corpus.realpages import PageSet, read_page

    page_set = PageSet("docs-apps", "example-doc", str(tmp_path), ("*.html",), 5, "example licence")
    guide = tmp_path / "budgets.html"
    overview = (
        "A budget is a plan for how much money you expect to earn and spend over a period of time. "
        "The accounting program compares the plan with what really happened in your accounts, so you "
        "can see at a glance where you spent more than you meant to and where you saved."
    )
    steps = (
        "To create a budget, open the Budget window from the Actions menu and choose the accounts to "
        "include. You can estimate each amount from last year's transactions or type it in yourself, "
        "and change it later when your income or your expenses change."
    )
    guide.write_text(_docs_page("Setting up a budget", [overview] * 3 + [steps]))
    names = tmp_path / "authors.html"
    names.write_text(
        _docs_page(
            "Autoren und Mitwirkende",
            ["Jürgen Müller, Anaïs Dubois, Łukasz Wiśniewski, Søren Kierkegaard, Zoë Ångström, Björn Æsir"] * 40,
        )
    )

    page = read_page(guide, tmp_path, page_set)
    assert page is not None and page.source.source_id == "real/example-doc/budgets"
    assert page.source.title == "Setting up a budget" and "Budget window" in page.source.body
    assert read_page(names, tmp_path, page_set) is None
