"""SEO501: spam comments found one by one in realistic threads (Markdown, text, HTML), reported
with the span of the whole comment, and deleted by the rewrite while genuine comments stay."""

from __future__ import annotations

import pytest

from seoclean.analysis import Analyzer
from seoclean.detectors.comment_thread import find_thread
from seoclean.detectors.comments import CommentSpamDetector
from seoclean.detectors.spin_surface import spintax_groups
from seoclean.ingest import load_text
from seoclean.rewrite.api import clean

COMPOST = """# How to start a compost heap

A compost heap needs a mix of green material (grass cuttings, vegetable peelings) and brown
material (shredded cardboard, dry leaves, straw). Aim for roughly equal volumes of each.

Turn the heap every few weeks with a garden fork so that air reaches the middle. A heap that
smells of ammonia has too much green material; add cardboard and turn it again.

"""

GENUINE_MARKDOWN = (
    COMPOST
    + """## 3 Comments

**Margaret Ellis** says:

Does shredded cardboard from delivery boxes count as brown material, or is the glossy print a
problem for the heap?

**Tom Barker** - 12 March 2024

Thank you, this is really clear. The RHS has a good page on this too: https://www.rhs.org.uk/advice/compost

**Priya** says:

We turn ours every fortnight and the middle still stays cold. Could the heap be too small?
"""
)

SPAM_MARKDOWN = """

**seo_king** says:

Great post, keep up the good work! Visit my site: https://rank-boost-pro.example/offers

**Lisa Wong** says:

Hello admin, I noticed your blog is not ranking on the first page of Google. We can build quality
backlinks to your site and boost your traffic. Contact us at growth.team@mail.example or WhatsApp.
"""

MIXED_MARKDOWN = GENUINE_MARKDOWN + SPAM_MARKDOWN

SPAM_ONLY_TEXT = """Why my tomato leaves are curling

3 Responses

cheap_pills_online on 4 May 2023

Nice article, thanks for sharing! Here is my web page: http://best-online-pharmacy.example/buy

Ivan Petrov - 2023-05-05

I really like the design of your blog. Which theme are you using? Did you build it yourself?

Hot deals - 6 May 2023

Great info. You may also like:
http://casino-bonus.example/free-spins
http://payday-loans-now.example
http://replica-watch-shop.example
"""

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Bleeding a radiator</title></head>
<body>
<nav><a href="/">Home</a> | <a href="/diy">DIY</a></nav>
<main><article>
<h1>Bleeding a radiator</h1>
<p>Cold patches at the top of a radiator usually mean trapped air. Bleeding it takes ten minutes
and needs only a radiator key, a cloth and a small bowl to catch the water.</p>
<p>Turn the heating off first, open the bleed valve a quarter turn until the hissing stops and
water appears, then close it again and check the boiler pressure gauge.</p>
<h2>Comments</h2>
<p>Ann Morley</p>
<p>Thank you, this worked first time. The bleed valve on our older radiators was stiff, so a drop
of penetrating oil helped.</p>
<p>Dev Patel - 3 January 2024</p>
<p>Worth checking the boiler pressure afterwards as you say. The official guidance is here:
<a href="https://www.gov.uk/heating-advice">heating advice</a>.</p>
{spam}</article></main>
<footer><p>© 2024 Home Fix Journal</p></footer>
</body></html>
"""

HTML_SPAM = """<p>Best Deals - 4 January 2024</p>
<p>Wow, amazing blog layout! I stumbled upon your website and I will definitely come back.
Check out my blog <a href="http://cheap-flights-now.example/">cheap flights</a></p>
"""


def seo501(text: str, fmt: str):
    return [f for f in CommentSpamDetector().run(load_text(text, format=fmt)).findings if f.rule == "SEO501"]


def test_a_genuine_thread_with_a_reference_link_and_a_thank_you_has_no_finding():
    result = CommentSpamDetector().run(load_text(GENUINE_MARKDOWN, format="markdown"))
    assert result.findings == []
    assert result.measures == {"comment_count": 3.0, "spam_comment_count": 0.0, "spam_comment_frac": 0.0}


def test_mixed_markdown_thread_reports_each_spam_comment_with_header_and_body():
    findings = seo501(MIXED_MARKDOWN, "markdown")
    assert [f.text.split("\n")[0] for f in findings] == ["**seo_king** says:", "**Lisa Wong** says:"]
    first, second = findings
    assert first.text.endswith("https://rank-boost-pro.example/offers")
    assert second.text.endswith("WhatsApp.")
    assert first.suggestion == "" and first.category == "comment-spam"
    assert first.evidence["links"] == 1 and first.evidence["self_promo"] >= 1 and first.evidence["praise"] >= 1
    assert second.evidence["pitch"] >= 2 and second.evidence["email"] == 1
    assert "delete it" in first.message and first.line == MIXED_MARKDOWN[: first.start].count("\n") + 1


def test_spam_only_text_thread_reports_every_comment():
    findings = seo501(SPAM_ONLY_TEXT, "text")
    assert [f.text.split("\n")[0] for f in findings] == [
        "cheap_pills_online on 4 May 2023",
        "Ivan Petrov - 2023-05-05",
        "Hot deals - 6 May 2023",
    ]
    assert findings[1].evidence["site_talk"] >= 2 and findings[1].evidence["links"] == 0
    assert findings[2].evidence["links"] == 3


@pytest.mark.parametrize("spam, expected", [("", 0), (HTML_SPAM, 1)])
def test_html_thread_counts_link_elements_and_keeps_reference_links(spam, expected):
    doc = load_text(HTML_PAGE.replace("{spam}", spam), format="html")
    result = CommentSpamDetector().run(doc)
    assert result.measures["comment_count"] == 2 + expected
    assert len(result.findings) == expected
    if expected:
        assert result.findings[0].text.startswith("Best Deals - 4 January 2024")
        assert result.findings[0].evidence["links"] == 1 and result.findings[0].evidence["site_talk"] >= 1


def test_a_headerless_thread_takes_one_comment_per_paragraph_and_the_list_under_it():
    text = COMPOST + (
        "## Comments\n\n"
        "Is a plastic bin with holes in the bottom as good as an open heap for the cardboard?\n\n"
        "Related sites I like:\n\n"
        "- http://cheap-essays.example\n- http://casino-bonus.example\n- http://crypto-signals.example\n"
    )
    doc = load_text(text, format="markdown")
    thread = find_thread(doc)
    assert thread is not None and len(thread.comments) == 2
    findings = CommentSpamDetector().run(doc).findings
    assert len(findings) == 1 and findings[0].text.startswith("Related sites") and findings[0].text.endswith(".example")


def test_an_article_without_a_thread_is_never_searched_for_comments():
    text = COMPOST + "Visit our website for more tips: https://www.example-garden-centre.example/compost\n"
    result = CommentSpamDetector().run(load_text(text, format="markdown"))
    assert result.findings == [] and result.measures["comment_count"] == 0


def test_bylines_are_not_comment_headers():
    text = "# Compost in winter\n\nBy Ruth Kowalski · 16 August 2022\n\n" + COMPOST.split("\n\n", 1)[1]
    thread = find_thread(load_text(text, format="markdown"))
    assert thread is None or not (thread.announced or any(c.has_header for c in thread.comments))


def test_a_short_page_of_bare_spam_paragraphs_is_a_thread_that_lost_its_markup():
    page = (
        "Wow, amazing blog layout! I stumbled upon your website through Google. Check out my blog "
        "http://cheap-flights-now.example\n\n"
        "Dear site owner, we can build high quality backlinks to your site. Contact us on WhatsApp.\n"
    )
    assert [f.text[:12] for f in seo501(page, "text")] == ["Wow, amazing", "Dear site ow"]
    # Under a short article they are still the two spam paragraphs, and only they are reported.
    assert [f.text[:12] for f in seo501(COMPOST + page, "markdown")] == ["Wow, amazing", "Dear site ow"]
    one = page.split("\n\n")[0] + "\n"
    assert seo501(COMPOST + one, "markdown") == []  # one paragraph among an article's: not a thread


def test_min_score_none_turns_findings_off_but_keeps_measures():
    result = CommentSpamDetector(min_score=None).run(load_text(MIXED_MARKDOWN, format="markdown"))
    assert result.findings == [] and result.measures["comment_count"] == 5
    assert result.measures["spam_comment_count"] == 2


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(model=None)


def test_clean_deletes_spam_comments_and_keeps_the_genuine_ones(analyzer):
    result = clean(MIXED_MARKDOWN, format="markdown", analyzer=analyzer)
    assert {e.rule for e in result.edits} == {"SEO501"}
    assert result.text.rstrip("\n") == GENUINE_MARKDOWN.rstrip("\n")
    assert clean(result.text, format="markdown", analyzer=analyzer).text == result.text


def test_clean_returns_a_genuine_thread_unchanged(analyzer):
    result = clean(GENUINE_MARKDOWN, format="markdown", analyzer=analyzer)
    assert not result.edits and result.text == GENUINE_MARKDOWN


def test_clean_html_drops_the_spam_comment_from_the_rendered_article(analyzer):
    result = clean(HTML_PAGE.replace("{spam}", HTML_SPAM), format="html", analyzer=analyzer)
    assert "cheap flights" not in result.text and "Best Deals" not in result.text
    assert "Ann Morley" in result.text and "official guidance" in result.text


def test_a_brace_group_of_record_types_is_no_spintax_cue(analyzer):
    # A command's choice of DNS record types next to two domain names once read as a comment
    # with links and spintax, and the whole paragraph was deleted.
    text = (
        "To see which servers handle mail for example.org, run dig example.org mx or host -t mx example.org; "
        "the query type may be any of [{a|mx|any}] and the answer lists one record per line.\n"
    )
    assert clean(text, analyzer=analyzer).text == text


@pytest.mark.parametrize(
    ("body", "groups"),
    [
        ("Great post {thanks|thank you|cheers} for sharing, my {site|blog} has more", 2),
        ("query types [{a|mx|any}], schemes {http|https}, files {v1|v2.txt}, flags {'true'|'false'}", 0),
    ],
)
def test_spintax_cue_counts_prose_choices_only(body, groups):
    assert spintax_groups(body) == groups


def test_the_thread_is_found_once_per_document_and_shared_by_the_detectors():
    doc = load_text(COMPOST, format="markdown")
    thread = find_thread(doc)
    assert thread is not None and find_thread(doc) is thread
    assert find_thread(doc) == find_thread(load_text(COMPOST, format="markdown"))
