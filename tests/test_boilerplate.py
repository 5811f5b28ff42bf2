"""SEO3xx: chrome lines and blocks, each with its exact span, and legitimate near-misses left alone."""

import pytest

from seoclean.detectors.boilerplate import BoilerplateDetector
from seoclean.document import Document
from seoclean.findings import Severity
from seoclean.ingest import main_content
from seoclean.ingest.html import load_html
from seoclean.rules import get_rule

ARTICLE_IN_CHROME = """\
Home
Blog
About us
Contact

How to Prune Tomato Plants

Pruning tomatoes is less about neatness than about airflow. A plant that is left to sprawl keeps its
lower leaves damp after rain, and damp leaves are where blight gets its start.

Start when the first flower truss appears. Pinch out the side shoots that grow in the angle between a
leaf and the main stem, and remove any leaves that touch the soil.

Share on Facebook
Tweet
Pin it

Click here to get our free growing guide!

Posted in Gardening, Vegetables

Leave a Reply

Your email address will not be published. Required fields are marked *

  Report this page
© 2024 Green Thumb Weekly. All rights reserved.
"""

# A news story that uses the cue words inside real sentences, plus headings and a short list.
LEGIT_ARTICLE = """\
County Extends Voter Registration

Voters must sign up before the deadline, officials said. Residents can register online, by mail or
in person at the county clerk's office, and the clerk urged anyone unsure of their status to check.

Share prices of the county's largest employer fell 3% on Tuesday after the announcement.

Facebook said on Tuesday that it would show registration reminders to users in the county.

Readers who want to learn more can visit our website, the clerk's spokesperson said in a statement.

Copyright law protects the county's official forms, so third parties may not reprint them for profit.

Posted on the door of the clerk's office was a note that read: open late until the deadline.

What to bring

Proof of address
A photo ID
Your social security number

The office closes at 8 p.m. on the last day, and the clerk said the line will be served in full.
"""


def findings(text, **options):
    return BoilerplateDetector(**options).run(Document(text)).findings


def summary(found):
    return [(f.rule, f.line, f.column, f.text) for f in found]


def test_article_in_chrome_reports_every_chrome_line_with_its_position():
    found = findings(ARTICLE_IN_CHROME)
    assert summary(found) == [
        ("SEO302", 1, 1, "Home\nBlog\nAbout us\nContact"),
        ("SEO304", 14, 1, "Share on Facebook"),
        ("SEO304", 15, 1, "Tweet"),
        ("SEO304", 16, 1, "Pin it"),
        ("SEO303", 18, 1, "Click here to get our free growing guide!"),
        ("SEO301", 20, 1, "Posted in Gardening, Vegetables"),
        ("SEO301", 22, 1, "Leave a Reply"),
        ("SEO301", 24, 1, "Your email address will not be published. Required fields are marked *"),
        ("SEO301", 26, 3, "Report this page"),
        ("SEO301", 27, 1, "© 2024 Green Thumb Weekly. All rights reserved."),
    ]
    for finding in found:
        assert ARTICLE_IN_CHROME[finding.start : finding.end] == finding.text
        assert finding.suggestion == ""
        assert finding.category == "boilerplate"
        assert finding.severity == get_rule(finding.rule).severity
    # The article's own heading right after the menu is not part of the menu.
    assert "How to Prune Tomato Plants" not in " ".join(f.text for f in found)


def test_legitimate_article_with_cue_words_in_prose_has_no_findings():
    assert findings(LEGIT_ARTICLE) == []


@pytest.mark.parametrize(
    ("chrome", "rule"),
    [
        ("Report this page", "SEO301"),
        ("Sign up for our newsletter", "SEO301"),
        ("Create a free account", "SEO301"),
        ("Log in / Register", "SEO301"),
        ("We use cookies to give you the best experience on our website. By continuing you accept them.", "SEO301"),
        ("Copyright © 2023 Example Media Ltd", "SEO301"),
        ("Proudly powered by WordPress", "SEO301"),
        ("Tags: tomatoes, pruning, summer", "SEO301"),
        ("Blog article", "SEO301"),
        ("3 Comments", "SEO301"),
        ("Related Posts", "SEO302"),
        ("Home > Garden > Tomatoes", "SEO302"),
        ("Home | About | Privacy Policy | Contact", "SEO302"),
        ("Skip to content", "SEO302"),
        ("Read more »", "SEO303"),
        ("Visit our website for more offers", "SEO303"),
        ("Contact us today for a free estimate!", "SEO303"),
        ("Share this article", "SEO304"),
        ("Follow us on Instagram", "SEO304"),
        ("Facebook Twitter Pinterest Email", "SEO304"),
    ],
)
def test_each_cue_family_on_a_line_of_its_own(chrome, rule):
    text = f"Tomatoes need sun, water and patience, and they repay all three.\n\n{chrome}\n"
    (finding,) = findings(text)
    assert (finding.rule, finding.start, finding.end, finding.text) == (rule, 66, 66 + len(chrome), chrome)
    assert (finding.line, finding.column) == (3, 1)


@pytest.mark.parametrize(
    "prose",
    [
        "Please report this page to the editors if you find an error, the newsroom's guidelines say.",
        "Sign up before the deadline, officials said, or you will not be able to vote in the primary.",
        "Subscribe is the word the company uses for its annual plan, which costs less than the monthly one.",
        "Powered by solar panels, the station runs all year without a single diesel generator.",
        "Posted on the door was a note that read: closed for the holiday, back on Monday.",
        "Read the label carefully before you spray anything on plants that you plan to eat.",
        "Share prices fell 3% on Tuesday after the company cut its forecast.",
        "Home is where most seedlings should start, on a bright windowsill in early spring.",
        "© Jane Doe",
        "More news is expected on Tuesday when the council meets again.",
    ],
)
def test_near_misses_in_prose_are_not_reported(prose):
    assert findings(f"Tomatoes need sun, water and patience.\n\n{prose}\n") == []


def test_file_names_and_dotted_module_paths_are_not_blog_host_names():
    # Documentation lists files and modules on lines of their own; only a host name with a real
    # top-level domain is a free blog's address.
    text = (
        "A Debian package is an archive with three members:\n\n- debian-binary\n- control.tar.xz\n- data.tar.xz\n\n"
        "The parser lives in\n\nxml.etree.ElementTree\n\nand paths are joined with\n\nos.path.join\n"
    )
    assert findings(text) == []
    assert [f.text for f in findings("Good morning.\n\nanna-writes.substack.com\n")] == ["anna-writes.substack.com"]


def test_bylines_heading_each_comment_of_a_thread_are_content_but_a_lone_byline_is_metadata():
    thread = (
        "Comments\n\nPosted by Lucy Bell\n\nWe built two of these beds last spring and the cedar has not warped at all.\n\n"
        "Posted by Martin O.\n\nDoes the kit come with the corner brackets, or are they sold separately?\n"
    )
    assert [f.text for f in findings(thread) if f.text.startswith("Posted by")] == []
    post = "Posted by Lucy Bell\n\nWe built two of these beds last spring and the cedar has not warped at all.\n"
    assert [f.text for f in findings(post)] == ["Posted by Lucy Bell"]


def test_see_also_heading_a_documentation_cross_reference_is_content():
    text = (
        "The secrets module generates tokens suitable for passwords and account recovery.\n\n"
        "See also\n\nPEP 506, which proposed the module.\n\nFurther reading\n\nThe random module, for simulations.\n"
    )
    assert findings(text) == []


def test_short_lists_and_headings_in_an_article_are_not_navigation():
    text = "Ingredients\n\nFlour\nSugar\nEggs\nButter\n\nMix the flour and sugar, then beat in the eggs.\n"
    assert findings(text) == []


def test_share_rows_need_more_than_one_lone_network_name():
    assert findings("Our reporter covered the launch.\n\nFacebook\n\nThe company declined to comment.\n") == []
    found = findings("Our reporter covered the launch.\n\nFacebook\nTwitter\n\nThe company declined to comment.\n")
    assert summary(found) == [("SEO304", 3, 1, "Facebook"), ("SEO304", 4, 1, "Twitter")]


HTML_PAGE = """<html><head><title>Tomato pruning guide</title></head><body>
<header><ul>
<li><a href="/">Home</a></li>
<li><a href="/guides">Guides</a></li>
<li><a href="/shop">Seed shop</a></li>
</ul></header>
<article>
<h1>How to prune tomato plants</h1>
<p>Pruning tomatoes is less about neatness than about airflow. A plant that is left to sprawl keeps
its lower leaves damp after rain, and damp leaves are where blight gets its start.</p>
<p>Start when the first flower truss appears. Pinch out the side shoots that grow in the angle between
a leaf and the main stem, and remove any leaves that touch the soil.</p>
<p>Stop pruning about six weeks before the first frost, so the plant ripens the fruit it has set.</p>
</article>
<aside><p>Our editors pick the best garden gloves of the year, tested over a whole muddy season.</p>
<p>Meet the team behind the newsletter and the people who grow every variety we review.</p></aside>
<footer><p>Report this page</p></footer>
</body></html>
"""


ASIDE_TEXT = (
    "Our editors pick the best garden gloves of the year, tested over a whole muddy season.\n\n"
    "Meet the team behind the newsletter and the people who grow every variety we review."
)


@pytest.fixture(scope="module")
def html_findings():
    doc = load_html(HTML_PAGE)
    return doc, BoilerplateDetector().run(doc).findings


def test_html_link_run_is_navigation_and_aside_is_outside_main(html_findings):
    doc, found = html_findings
    assert summary(found) == [
        ("SEO302", 3, 17, "Home\n\nGuides\n\nSeed shop"),
        ("SEO305", 15, 11, ASIDE_TEXT),
        ("SEO301", 17, 12, "Report this page"),
    ]
    outside = found[1]
    assert (outside.severity, outside.suggestion, outside.evidence["blocks"]) == (Severity.INFO, "", 2)
    assert doc.text[outside.start : outside.end] == outside.text


def test_html_main_content_headings_are_not_boilerplate(html_findings):
    doc, found = html_findings
    heading = doc.text.index("How to prune tomato plants")
    assert not any(f.start <= heading < f.end for f in found)


def test_outside_main_can_be_turned_off_and_needs_main_content_information(monkeypatch):
    doc = load_html(HTML_PAGE)
    assert all(f.rule != "SEO305" for f in BoilerplateDetector(report_outside_main=False).run(doc).findings)
    monkeypatch.setattr(main_content, "_extract_main_text", lambda source: None)
    everything_main = load_html(HTML_PAGE)
    assert all(f.rule != "SEO305" for f in BoilerplateDetector().run(everything_main).findings)


def test_html_menu_line_of_links():
    doc = load_html(
        '<body><nav><a href="/">Home</a> · <a href="/blog">Blog</a> · <a href="/c">Contact</a></nav>'
        "<p>Tomatoes need sun, water and patience, and they repay all three with fruit.</p></body>"
    )
    (finding,) = [f for f in BoilerplateDetector().run(doc).findings if f.rule == "SEO302"]
    assert (finding.text, finding.line, finding.column) == ("Home · Blog · Contact", 1, 24)


def test_measures_are_complete_floats_and_read_the_document():
    detector = BoilerplateDetector()
    chrome = detector.run(Document(ARTICLE_IN_CHROME)).measures
    legit = detector.run(Document(LEGIT_ARTICLE)).measures
    assert set(chrome) == set(BoilerplateDetector.measure_names)
    assert all(isinstance(value, float) for value in chrome.values())
    assert chrome["cue_line_count"] == 9.0 and chrome["cta_line_count"] == 1.0
    assert chrome["boilerplate_line_frac"] > 0.7 > legit["boilerplate_line_frac"] == 0.0
    assert chrome["nav_line_frac"] == pytest.approx(4 / 18)  # 18 non-blank lines
    assert 0.3 < legit["stopword_density"] < 0.7
    assert chrome["link_density_mean"] == chrome["non_main_char_frac"] == 0.0
    html_measures = detector.run(load_html(HTML_PAGE)).measures
    assert html_measures["non_main_char_frac"] > 0


def test_html_chrome_outside_main_is_reported_but_only_platform_lines_are_measured():
    detector = BoilerplateDetector()
    result = detector.run(load_html(HTML_PAGE))
    assert {f.rule for f in result.findings} == {"SEO301", "SEO302", "SEO305"}  # menu, aside, report link
    measures = result.measures
    # The header menu and the aside are outside the main content: reported, not measured. The
    # "Report this page" footer marks a spam platform: measured wherever it is.
    assert measures["nav_line_frac"] == 0.0 and measures["link_density_mean"] == 0.0
    assert measures["cue_line_count"] == 1.0
    assert measures["boilerplate_line_frac"] == pytest.approx(1 / 5)  # 4 article lines + the platform line
    ordinary = HTML_PAGE.replace("Report this page", "Copyright 2024 Garden Notes")
    assert detector.run(load_html(ordinary)).measures["boilerplate_line_frac"] == 0.0


def test_empty_document_has_zero_measures():
    result = BoilerplateDetector().run(Document(""))
    assert result.findings == []
    assert result.measures == dict.fromkeys(BoilerplateDetector.measure_names, 0.0)


def test_feature_names_and_rules_are_registered():
    assert BoilerplateDetector.feature_names()[0] == "boilerplate__boilerplate_line_frac"
    for code, name in [
        ("SEO301", "platform-boilerplate"),
        ("SEO302", "navigation-block"),
        ("SEO303", "call-to-action"),
        ("SEO304", "share-widget"),
        ("SEO305", "outside-main-content"),
    ]:
        rule = get_rule(code)
        assert (rule.name, rule.category) == (name, "boilerplate")
        assert rule.bad and rule.better and rule.summary


PLATFORM_POST = """\
jaxon7t2qw.postlark.com
Posted by admin

How to Prune Tomato Plants

Pruning tomatoes is less about neatness than about airflow. A plant that is left to sprawl keeps its
lower leaves damp after rain, and damp leaves are where blight gets its start.

Views: 12
Postlark
Like Loading...
Create a free website or blog at Postlark
Report this page
"""


def test_a_blog_platform_footer_is_reported_whole_with_platform_evidence():
    found = findings(PLATFORM_POST)
    assert [f.text for f in found] == [
        "jaxon7t2qw.postlark.com",
        "Posted by admin",
        "Views: 12",
        "Postlark",
        "Like Loading...",
        "Create a free website or blog at Postlark",
        "Report this page",
    ]
    assert [f.rule for f in found] == ["SEO301"] * 4 + ["SEO304"] + ["SEO301"] * 2
    assert all(f.suggestion == "" for f in found)
    platform = {f.text for f in found if f.evidence["platform"] == 1.0}
    assert {"jaxon7t2qw.postlark.com", "Posted by admin", "Postlark", "Report this page"} <= platform
    assert "How to Prune Tomato Plants" not in {f.text for f in found}


def test_ordinary_chrome_carries_no_platform_evidence():
    assert all(
        f.evidence.get("platform", 0.0) == 0.0
        for f in findings(ARTICLE_IN_CHROME)
        if f.rule == "SEO301" and "Report this page" not in f.text
    )
    assert findings("You build your website in its own little corner of the internet, and that takes time.\n") == []


# Documentation as trafilatura's plain text keeps it: hard-wrapped prose, where a line can start
# with the words a cue starts with, and interactive sessions whose output is not marked as code.
WRAPPED_DOCUMENTATION = """\
exception email.errors.MessageParseError
This is the base class for exceptions raised by the Parser class. This class is also used internally by the parser used
by headerregistry.
The bulk of the work is in the header file spammodule.h, which looks
like this:
#ifndef Py_SPAMMODULE_H
You can read all manual pages available in Debian, even those that are not installed, on the
manpages.debian.org
service. It offers each manual page in multiple versions.
The urllib.parse module defines functions that fall into two broad
categories: URL parsing and URL quoting. These are covered in detail in
the following sections.
"""


def test_a_line_that_carries_on_the_sentence_above_is_not_a_cue():
    assert findings(WRAPPED_DOCUMENTATION) == []


def test_a_byline_under_a_title_is_still_post_metadata():
    # The line above is a title (short, or ending on a capital), not a sentence in progress.
    for title in ("Ten tips for tomatoes", "Ten Tips for Growing Tomatoes in a Small Garden"):
        text = f"{title}\nby admin\nTomatoes need sun, water and patience, and they repay all three.\n"
        assert [(f.rule, f.text) for f in findings(text)] == [("SEO301", "by admin")]


def test_the_output_of_an_interactive_session_is_not_a_date_line():
    session = (
        "Datetimes constructed this way are aware:\n\n"
        '>>> dt = datetime(2020, 10, 31, 12, tzinfo=ZoneInfo("America/Los_Angeles"))\n>>> print(dt)\n'
        "2020-10-31 12:00:00-07:00\n\nThese time zones also support the fold attribute.\n"
    )
    assert findings(session) == []
    lone_date = "Tomatoes need sun, water and patience, and they repay all three.\n\n2020-10-31 12:00\n"
    assert [(f.rule, f.text) for f in findings(lone_date)] == [("SEO301", "2020-10-31 12:00")]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("join()", None),
        ("Join now", "SEO301"),
        ("register()", None),
        ("Register", "SEO301"),
        ("Write a comment explaining what the heck that lambda does.", None),
        ("Write a comment", "SEO301"),
        ("Add a comment below", "SEO301"),
        ("For more information, see PEP 7 and bpo-17884.", None),
        ("For more information, see Registry Value Types.", None),
        ("For more information, see our website.", "SEO303"),
        ("For more details, visit our store.", "SEO303"),
    ],
)
def test_api_names_instructions_and_cross_references_are_not_chrome(line, rule):
    text = f"Queue objects provide the methods described below, and they are all thread-safe.\n\n- {line}\n"
    assert [f.rule for f in findings(text)] == ([rule] if rule else [])
