"""HTML loading: visible text and blocks, main-content flags, and offsets mapped back to the source."""

import pytest

from seoclean.detectors.boilerplate import BoilerplateDetector
from seoclean.ingest import main_content
from seoclean.ingest.html import load_html

# A gardening article wrapped in site chrome; line numbers matter to the tests below.
PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>How to Prune Tomato Plants | Green Thumb Weekly</title>
  <script>window.dataLayer = [{"page": "Report this page"}];</script>
  <style>.nav { display: flex; }</style>
</head>
<body>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/blog">Blog</a></li><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul></nav>
<article>
<h1>How to prune tomato plants</h1>
<p>Pruning tomatoes is less about neatness than about airflow. A plant that is left to sprawl
keeps its lower leaves damp after rain, and damp leaves are where blight gets its start.</p>
<p>Start when the first flower truss appears. Pinch out the side shoots that grow in the angle
between a leaf and the main stem, and remove any leaves that touch the soil.</p>
<h2>Cordon or bush?</h2>
<p>Cordon varieties grow tall on a single stem and need regular pruning all summer. Bush varieties
stop growing on their own and need little more than the removal of yellowing leaves.</p>
<p>Stop pruning about six weeks before the first frost, so the plant puts its energy into ripening
the fruit that has already set rather than into new growth that will never mature.</p>
</article>
<aside><h3>Popular this week</h3><p>Our editors pick the best garden gloves of the year, tested over a whole muddy season.</p></aside>
<footer>
<p>Report this page</p>
<p>&copy; 2024 Green Thumb Weekly. All rights reserved.</p>
</footer>
</body>
</html>
"""


@pytest.fixture(scope="module")
def page():
    return load_html(PAGE, path="page.html")


def block_texts(doc):
    return [doc.text[b.start : b.end] for b in doc.blocks]


def test_visible_text_is_one_block_per_element_joined_by_blank_lines(page):
    texts = block_texts(page)
    assert texts[:3] == ["How to Prune Tomato Plants | Green Thumb Weekly", "Home", "Blog"]
    assert "How to prune tomato plants" in texts
    # Whitespace inside a block, including the source's line break, collapses to one space.
    assert "A plant that is left to sprawl keeps its lower leaves" in page.text
    assert page.text == "\n\n".join(texts)
    assert page.format == "html" and page.path == "page.html"
    assert page.title == "How to Prune Tomato Plants | Green Thumb Weekly"


def test_scripts_styles_and_head_are_not_text(page):
    assert "dataLayer" not in page.text and "display: flex" not in page.text
    assert page.text.count("Report this page") == 1  # the footer's, not the script's


def test_blocks_carry_kind_tag_link_density_and_source_line(page):
    by_text = {page.text[b.start : b.end]: b for b in page.blocks}
    assert (by_text["How to Prune Tomato Plants | Green Thumb Weekly"].kind, by_text[page.title].tag) == (
        "title",
        "title",
    )
    assert (by_text["Home"].kind, by_text["Home"].tag, by_text["Home"].link_density) == ("list_item", "li", 1.0)
    heading = by_text["Cordon or bush?"]
    assert (heading.kind, heading.tag, heading.source_line, heading.link_density) == ("heading", "h2", 17, 0.0)
    assert by_text["Report this page"].source_line == 25


def test_main_content_comes_from_trafilatura(page):
    by_text = {page.text[b.start : b.end]: b for b in page.blocks}
    assert by_text["How to prune tomato plants"].in_main
    assert all(b.in_main for b in page.blocks if b.tag == "p" and b.source_line in (13, 15, 18, 20))
    for chrome in ("Home", "Contact", "Popular this week", "Report this page"):
        assert not by_text[chrome].in_main, chrome
    assert by_text[page.title].in_main  # the page's own title is never chrome


def test_offsets_map_to_source_lines_and_columns(page):
    assert page.position(page.text.index("Start when the first")) == (15, 4)
    # Inside a paragraph that spans two source lines: the second line, not the paragraph's first.
    assert page.position(page.text.index("keeps its lower leaves")) == (14, 1)
    assert page.position(page.text.index("damp leaves are")) == (14, 45)
    # Entities do not shift the column: "&copy; 2024" starts right after "<p>".
    assert page.position(page.text.index("© 2024")) == (26, 4)
    assert page.position(page.text.index("Contact")) == (10, 146)


def test_a_finding_in_a_paragraph_on_line_25_reports_line_25(page):
    findings = BoilerplateDetector().run(page).findings
    report = next(f for f in findings if f.text == "Report this page")
    assert (report.rule, report.line, report.column) == ("SEO301", 25, 4)
    assert page.text[report.start : report.end] == "Report this page"


def test_tables_quotes_code_and_adjacent_links():
    doc = load_html(
        "<body><table><tr><th>Variety</th><th>Days</th></tr><tr><td>Roma</td><td>75</td></tr></table>"
        "<blockquote><p>Water at the roots.</p></blockquote><pre>prune(plant,   side_shoots=True)</pre>"
        '<div><a href="/a">Home</a><a href="/b">About</a></div></body>'
    )
    kinds = [(doc.text[b.start : b.end], b.kind) for b in doc.blocks]
    assert kinds == [
        ("Variety | Days", "table"),
        ("Roma | 75", "table"),
        ("Water at the roots.", "quote"),
        ("prune(plant, side_shoots=True)", "code"),
        ("Home About", "paragraph"),
    ]


def test_text_around_nested_blocks_gets_its_own_blocks():
    doc = load_html("<div>Loose text <p>inner paragraph</p> tail text</div>")
    assert block_texts(doc) == ["Loose text", "inner paragraph", "tail text"]
    assert [b.tag for b in doc.blocks] == ["div", "p", "div"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<html><body><p>unclosed <div>text", ["unclosed", "text"]),
        ("<p>one<b>two</p></b><li>three", ["onetwo", "three"]),
        ("</td></tr><p>stray closing tags", ["stray closing tags"]),
        ("just text, no tags at all", ["just text, no tags at all"]),
    ],
)
def test_malformed_html_is_read_leniently(source, expected):
    assert block_texts(load_html(source)) == expected


@pytest.mark.parametrize(
    "source",
    [
        "",
        "   \n\t ",
        "<html><head><script>var a = 1;</script><style>p {}</style></head><body></body></html>",
        "<!-- only a comment -->",
        "<script>document.write('<p>hi</p>')</script>",
    ],
)
def test_empty_or_script_only_html_gives_an_empty_document(source):
    doc = load_html(source)
    assert (doc.text, doc.blocks, doc.format) == ("", [], "html")
    assert BoilerplateDetector().run(doc).findings == []


def test_xml_declaration_and_nul_bytes_do_not_stop_parsing():
    doc = load_html('<?xml version="1.0" encoding="utf-8"?><html><body><p>Caf\u00e9 \x00 ok</p></body></html>')
    assert "Café" in doc.text


def test_short_noscript_notices_are_dropped_but_noscript_articles_kept():
    notice = load_html("<body><p>Body text.</p><noscript>Please enable JavaScript.</noscript></body>")
    assert "JavaScript" not in notice.text
    article = " ".join(["Real article sentence number one goes here."] * 10)
    kept = load_html(f"<body><noscript><p>{article}</p></noscript></body>")
    assert "Real article sentence" in kept.text


def test_all_blocks_are_main_when_trafilatura_finds_nothing(monkeypatch):
    monkeypatch.setattr(main_content, "_extract_main_text", lambda source: None)
    doc = load_html(PAGE)
    assert all(b.in_main for b in doc.blocks)
