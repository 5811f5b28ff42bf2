"""Code, markup, REPL and shell output in plain text are read as code blocks, and hard-wrapped prose
as paragraphs, so that an honest documentation page gets no findings from its samples; spam in
plain text is still found."""

import pytest

from seoclean.analysis import Analyzer
from seoclean.ingest.text_structure import text_blocks


def kinds(text: str) -> list[tuple[str, str]]:
    return [(kind, text[start:end]) for start, end, kind in text_blocks(text)]


def kind_of(text: str, fragment: str) -> str:
    """The kind of the block that holds ``fragment``."""
    offset = text.index(fragment)
    return next(kind for start, end, kind in text_blocks(text) if start <= offset < end)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(model=None)


def rules(analyzer: Analyzer, text: str) -> list[str]:
    return [finding.rule for finding in analyzer.analyze(text, format="text").findings]


# A tutorial as pod2text prints it: headings at 2 spaces, prose at 4, verbatim samples at 8.
POD_TUTORIAL = """NAME
    perlrotate - rotating log files from a Perl script

DESCRIPTION
    Long-running daemons write their logs to one file, which grows until
    the disk fills up. This tutorial shows how a script can rotate its own
    log without restarting. The first version reopens the log once a day:

        # open the log for appending
        open my $log, '>>', $path or die "Can't open $path: $!";

        # print the whole thing with a timestamp
        print {$log} scalar(localtime), " $message\\n";

    The second version checks the size of the file before every write and
    moves it aside once it passes a limit set by the caller:

        # open the log for appending
        open my $log, '>>', $path or die "Can't open $path: $!";
        rename $path, "$path.1" if -s $path > $limit;

        # print the whole thing with a timestamp
        print {$log} scalar(localtime), " $message\\n";

    Both versions keep one old file. Keep more by renaming the older files
    first, from the oldest to the newest.

  Rotating by signal
    Most system log rotators send the daemon a HUP signal after moving the
    file. A handler that sets a flag is enough:

        $SIG{HUP} = sub { $reopen = 1 };

    *   The handler only sets the flag; the main loop reopens the file
        at its next write.

        Doing the work in the handler itself is unsafe on older perls.
"""


def test_pod2text_samples_indented_under_the_prose_are_code():
    assert kind_of(POD_TUTORIAL, "# open the log for appending") == "code"
    assert kind_of(POD_TUTORIAL, "rename $path") == "code"
    assert kind_of(POD_TUTORIAL, "$SIG{HUP}") == "code"


def test_pod2text_prose_and_indented_list_bodies_stay_prose():
    assert kind_of(POD_TUTORIAL, "Long-running daemons") == "paragraph"
    assert kind_of(POD_TUTORIAL, "Both versions keep one old file") == "paragraph"
    # indented deeper than the margin, but under its bullet and read as a sentence
    assert kind_of(POD_TUTORIAL, "Doing the work in the handler") == "paragraph"


def test_repeated_comment_and_code_lines_of_a_tutorial_are_no_findings(analyzer):
    found = rules(analyzer, POD_TUTORIAL)
    assert not [rule for rule in found if rule.startswith(("SEO1", "SEO4"))], found


# A hard-wrapped draft at 72 columns, as typed in an editor or sent by mail.
WRAPPED_DRAFT = """Choosing a standing desk

A standing desk does not make anyone healthier on its own. What helps is
changing position during the day, and a desk that moves easily makes it
more likely that people actually do so. Desks with an electric motor are
the easiest to adjust, while crank desks are cheaper and quieter.

Before buying, measure the height of your elbows while you stand in the
shoes you wear at work. The desk should reach that height with a few
centimetres to spare, and it should stay steady at its highest setting.

Most people start with twenty minutes of standing for each hour of work
and add more over the following weeks, limits on standing time, limits
on sitting time, limits on breaks are best set by how the legs feel.
"""


def test_a_hard_wrapped_draft_is_read_as_paragraphs():
    read = kinds(WRAPPED_DRAFT)
    assert [kind for kind, _ in read] == ["heading", "paragraph", "paragraph", "paragraph"]
    assert read[1][1].startswith("A standing desk") and read[1][1].endswith("cheaper and quieter.")


# An AsciiDoc page: listing blocks between "----" lines, blank lines inside them.
ASCIIDOC = """Hooks
=====

A hook is a script that git runs before or after a command. Add the
following to `.git/hooks/pre-commit`:

----
#!/bin/sh
exec git diff --cached --check

# refuse the commit when the check fails
exit $?
----

`core.hooksPath`::
\tSets a directory that holds the hooks of every repository on the
\tmachine, instead of the `.git/hooks` directory of each one.
"""


def test_an_asciidoc_listing_block_is_code_blank_lines_included():
    assert kind_of(ASCIIDOC, "exec git diff") == "code"
    assert kind_of(ASCIIDOC, "# refuse the commit") == "code"
    assert kind_of(ASCIIDOC, "exit $?") == "code"


def test_an_underline_opens_no_block_and_a_definition_body_is_prose():
    assert kind_of(ASCIIDOC, "Hooks") == "heading"
    assert kind_of(ASCIIDOC, "A hook is a script") == "paragraph"
    assert kind_of(ASCIIDOC, "Sets a directory that holds") == "paragraph"


# Documentation as trafilatura prints it: one element per line, code at the margin.
REPL_PAGE = """Filtering the articles
Once the articles are saved, the manager filters them by publication:
>>> Article.objects.filter(publications__id=1)
<QuerySet [<Article: NASA uses Python>]>
>>> Article.objects.filter(publications__pk=1)
<QuerySet [<Article: NASA uses Python>]>
>>> Article.objects.filter(publications=p1)
<QuerySet [<Article: NASA uses Python>]>
>>> Article.objects.filter(publications__title__startswith="Science").distinct().count()
1
The form renders each field as a table row:
<tr><th><label for="id_title">Title:</label></th><td><input type="text" name="title"></td></tr>
<tr><th><label for="id_date">Date:</label></th><td><input type="text" name="date"></td></tr>
To undo the last migration, migrate to the one before it:
$ python manage.py migrate books 0002
Operations to perform:
  Target specific migration: 0002_auto, from books
Running migrations:
  Rendering model states... DONE
  Unapplying books.0003_auto... OK
Migrations that drop a table cannot be reversed this way, and the command stops with an error.
"""


def test_repl_output_markup_and_a_shell_session_are_code():
    for fragment in ("<QuerySet [<Article", "<tr><th><label", "Operations to perform:", "Rendering model states"):
        assert kind_of(REPL_PAGE, fragment) == "code", fragment


def test_prose_around_a_shell_session_stays_prose():
    assert kind_of(REPL_PAGE, "To undo the last migration") == "paragraph"
    assert kind_of(REPL_PAGE, "Migrations that drop a table") == "paragraph"


def test_repeated_repl_output_and_markup_lines_are_no_findings(analyzer):
    found = rules(analyzer, REPL_PAGE)
    assert not [rule for rule in found if rule.startswith("SEO4")], found


# A comment line over code at the margin, as trafilatura prints a Python sample.
COMMENTED_SAMPLE = """Managers can be chained. For example:
# First, define the Manager subclass.
class DahlBookManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(author="Roald Dahl")
The manager then returns only the books by Roald Dahl.
"""


def test_a_comment_over_code_is_part_of_the_code_block():
    read = kinds(COMMENTED_SAMPLE)
    assert [kind for kind, _ in read] == ["paragraph", "code", "paragraph"]
    assert read[1][1].startswith("# First, define")


SPAM_TEXT = """Best Cheap Car Insurance Quotes Online

Best cheap car insurance quotes online are what every driver wants. Our best
cheap car insurance quotes online help you find best cheap car insurance quotes
online in minutes, because best cheap car insurance quotes online save money.

    Get best cheap car insurance quotes online today. Compare best cheap car
    insurance quotes online from top insurers and buy best cheap car insurance
    quotes online now.

Why wait? Best cheap car insurance quotes online are one click away, and best
cheap car insurance quotes online come with no fees at all.
"""


def test_spam_in_plain_text_is_still_found_indented_paragraph_included(analyzer):
    assert kind_of(SPAM_TEXT, "Get best cheap car insurance") == "paragraph"
    assert "SEO101" in rules(analyzer, SPAM_TEXT)


def test_a_lone_link_line_is_not_hidden_as_markup():
    text = 'Great post, thanks for sharing!\n<a href="http://cheap-pills.example">buy cheap pills</a>\n'
    assert kind_of(text, "<a href") != "code"


def test_a_bullet_body_indented_under_the_bullet_text_is_prose():
    text = (
        "    Installing a module by hand takes four steps.\n\n"
        "    *   If you are on a Unix system,\n\n"
        "        A. DECOMPRESS\n\n"
        '        Decompress the file with "gzip -d yourmodule.tar.gz"\n\n'
        "        Or combine this step with the next one:\n\n"
        "             gzip -dc yourmodule.tar.gz | tar -xof -\n"
    )
    assert kind_of(text, "A. DECOMPRESS") != "code"
    assert kind_of(text, "Decompress the file") != "code"
    assert kind_of(text, "gzip -dc") == "code"


def test_block_headers_between_indented_lines_stay_in_the_code():
    text = (
        "Reading the history file when the session starts:\n"
        "import readline\n"
        'histfile = os.path.expanduser("~/.python_history")\n'
        "try:\n"
        "    readline.read_history_file(histfile)\n"
        "except FileNotFoundError:\n"
        "    pass\n"
        "The file is created at the first exit if it does not exist.\n"
    )
    assert [kind for kind, _ in kinds(text)] == ["paragraph", "code", "paragraph"]


def test_prose_cut_mid_sentence_between_repl_sessions_stays_prose():
    text = (
        ">>> Article.objects.filter(title__startswith='Science').count()\n"
        "2\n"
        "The count() function respects\n"
        "distinct() as well:\n"
        ">>> Article.objects.filter(title__startswith='Science').distinct().count()\n"
        "1\n"
    )
    assert kind_of(text, "The count() function") == "paragraph"
    assert kind_of(text, "2\n") == "code"


def test_list_entries_an_extractor_indented_under_a_colon_are_not_code():
    # Web text extractors keep the source's indentation: a list announced by "...:" comes out
    # indented, one entry per line, without bullets. Entries are capitalised plain words; a command
    # under the same colon opens in lower case or carries a symbol.
    page = (
        "Marathon Training Plans for Beginners\n\n"
        "Most first-time runners need four things before the first long run. Check that you have:\n\n"
        "      Comfortable running shoes for long distances\n\n"
        "Then build up slowly, adding no more than a tenth to your weekly distance.\n"
    )
    assert kind_of(page, "Comfortable running shoes") != "code"
    commands = "Unpack the archive first:\n\n        tar -xvf perl.tar\n\nThen run the configure script.\n"
    assert kind_of(commands, "tar -xvf") == "code"
