"""Honest plain text hard-wrapped at 72-80 columns, as man pages, pod2text output and e-mail are:
``Document.sentences`` ends a sentence at every line break, so a wrapped enumeration reads as a
bare list line (SEO105) and a sentence's last words above a line that carries it on read as a
fragment sentence (SEO102) unless the pieces are joined again. A name of common words whose
trailing noun the writer capitalises only sometimes ("Steering Group members", "Steering Group
Members") is still a name, not a phrase pasted in two casings. A keyword list on its own line
is still reported."""

from __future__ import annotations

from seoclean.analysis import Analyzer
from seoclean.rewrite.api import clean

ANALYZER = Analyzer(model=None)


def stuffing_findings(text: str) -> list[tuple[str, str]]:
    report = ANALYZER.analyze(text, format="text")
    return [(f.rule, f.text) for f in report.findings if f.rule in ("SEO102", "SEO105")]


QUOTAS = """\
QUOTAS ON SHARED HOSTS

  Limits on the account
    Every site on a shared host runs as one user account, and the operating
    system enforces the limits of that account on all of its processes taken
    together. This includes the limits on the number of open file, directory
    and socket
    handles, limits on disk space usage, limits on memory size, limits on
    CPU time and so forth. A site that hits one of them sees its requests
    fail with an error that names the resource rather than the site, which is
    why the logs of a busy host are worth reading before the support queue.

  Asking for more
    Most hosts raise a limit on request when the site has a good reason for
    it, such as a nightly import that needs more memory than the default
    allows. Write to support with the numbers from your logs, the time of day
    the limit was reached and what the site was doing at that moment.

  What the panel shows
    The control panel lists the current usage of each resource next to its
    limit. The figures are sampled every few minutes, so a short burst of
    activity may not show up there even when it was enough to trip a limit.
"""

GOVERNANCE = """\
HOW THE PROJECT IS RUN

  Proposals
    A change to the project's process starts as a written proposal. Anyone
    may write one, and it is discussed on the mailing list for at least two
    weeks. Once the discussion settles, the proposal is sent to the Steering
    Group. The Steering Group
    must accept or reject the proposal within a month. If it is accepted, the
    Steering Group announces the decision and the date it takes effect.

  The Steering Group
    The Steering Group is a committee of three people, elected by the
    maintainers every year. Steering Group members serve for one year and may
    stand again. Members may resign at any time by writing to the list, and
    a vacancy is filled by a new election within a month.

  Elections
    Every active maintainer may nominate a candidate. If there are no more
    candidates than seats, they are elected unopposed. Otherwise, the
    active Steering Group Members count the ballots, which are cast by ranking
    all candidates, and the results are posted to the list within a week.

  Steering Group Members
    The current members are listed in the project's governance file, which
    the Steering Group keeps up to date after every election and resignation.
    Former members are thanked in the same file for their work.
"""

CHECKOUT = """\
Working tree
------------

The working tree holds the files of the checked-out commit. The index
file records which of them are tracked, and the ignore files list the
ones that should not be. The per-directory ignore file is read by
'git status', 'git add', 'git rm' and
'git clean', but the plumbing commands do not look at it at all. See the
documentation of each command for the patterns it accepts and for the
order in which the ignore files are read.

Ask before changing the layout of the directory: scripts written by other
people may depend on where files live, and a moved file breaks them.
"""

DISCUSSION = """\
CONTRIBUTING A CHANGE

  Does it create too much work?
    Work for the maintainers, work for the packagers, work for plugin
    authors, ... the project is supposed to stay easy to keep up with. A
    change that adds a little work for every one of them adds up to a lot.

  Patches speak louder than words
    Working code is always preferred to pie-in-the-sky ideas. A patch to
    discuss is better than a long thread about a patch that does not exist
    yet, because it shows what the change costs in practice.
"""

STUFFED = """\
Running Shoes Buying Guide

Choosing running shoes starts with how you run. Runners who land on the
heel need more cushioning than those who land on the forefoot.

best running shoes, cheap running shoes, running shoes sale, running shoes near me

A shop that lets you run on a treadmill before buying is worth the trip.
Bring the socks you run in and try both shoes on at the end of the day.
"""


def test_wrapped_enumeration_is_no_keyword_list() -> None:
    assert stuffing_findings(QUOTAS) == []
    assert clean(QUOTAS, format="text").text == QUOTAS


def test_enumeration_ending_on_a_conjunction_at_a_wrap_is_no_keyword_list() -> None:
    assert stuffing_findings(CHECKOUT) == []


def test_enumeration_trailing_off_over_a_wrap_is_no_keyword_list() -> None:
    assert stuffing_findings(DISCUSSION) == []


def test_section_name_and_wrapped_sentence_piece_are_not_planted() -> None:
    assert stuffing_findings(GOVERNANCE) == []
    assert clean(GOVERNANCE, format="text").text == GOVERNANCE


def test_keyword_list_on_its_own_line_is_still_reported() -> None:
    assert ("SEO105", "best running shoes, cheap running shoes, running shoes sale, running shoes near me") in (
        stuffing_findings(STUFFED)
    )


MAILER = """\
mailer — A client for outgoing mail

The mailer module defines the class Mailer, which sends messages through a mail relay. It
supports plain connections and encrypted ones, and it keeps one connection open for as many
messages as the caller sends.

class mailer.Mailer(host, port=25, timeout=None)

Return a new Mailer object connected to the relay at host and port. The timeout, when given,
applies to every blocking operation on the connection.

class mailer.SecureMailer(host, port=465, context=None)

Return a new Mailer object that talks to the relay over an encrypted connection. context is
optional, and is an ssl.SSLContext object that holds the certificates to trust.
Please read Security considerations for best practices.
All other parameters behave the same as for Mailer.

Mailer.starttls(context=None)

Upgrade a plain connection to an encrypted one. The context argument is optional and should be an ssl.SSLContext object.  Please read Security considerations for best
practices.
Note that this may not be done after the login, and that a relay may refuse it.

Mailer.send(message)

Send message, an email.message.Message object, and return the relay's reply. Addresses are
taken from the message's headers unless the caller passes them.

Mailer.quit()

Send the QUIT command and close the connection. The object cannot be used afterwards.
"""


def test_title_a_sentence_points_to_is_not_planted() -> None:
    assert stuffing_findings(MAILER) == []


MARKUP_SPEC = """\
NAME
    markspec - the specification of the Mark documentation format

DESCRIPTION
    This document is the formal specification of Mark, the plain text format
    in which the project's manuals are written. It says what processors must
    do; the tutorial in marktut says how writers use the format.

Mark Commands
    A command is a line that starts with an equals sign followed by a name.
    Commands open and close blocks, and every processor must know the eight
    commands listed below. Processors must warn about commands they do not
    know rather than silently drop the text that follows them.

Mark Formatting Codes
    (In earlier drafts of this document formatting codes were called
    "interior sequences", and that term still appears in older processors.)

    A formatting code marks a run of text inside a paragraph: B<...> for
    bold, I<...> for italics, C<...> for code. Unlike commands, which work
    on whole blocks, all Mark formatting codes are like inline elements in
    markup languages, and they can nest inside one another.

About Links
    The L<...> code is the most complex of the Mark formatting codes. A link
    may name a manual page, a section of one, or an address on the web, and
    a processor must render each kind in a way the reader can follow.

Notes on Implementing Mark Processors
    Processors should accept both Unix and Windows line endings and should
    treat a tab as the start of a verbatim paragraph. They should not guess
    at the meaning of malformed codes, but report them with a line number.
"""


def test_section_name_said_after_a_quantifier_is_not_planted() -> None:
    assert stuffing_findings(MARKUP_SPEC) == []


ERRORS = """\
Handling errors
---------------

There are two broad classes of errors that a command-line parser has to
worry about: programmer errors and user errors.  Programmer errors are
usually erroneous calls to the parser's add_option(), e.g. invalid option strings, unknown
option attributes, missing option attributes, etc.  These are dealt with in the
usual way: raise an exception and let the script crash, since the fix belongs in
the script and not in front of its user.

User errors are the ones that matter: the user gave an option the script does
not know, or a value it cannot convert. The parser prints a short usage message
with the offending option and exits with status 2.
"""


def test_enumeration_ending_in_etc_over_a_wrap_is_no_keyword_list() -> None:
    assert stuffing_findings(ERRORS) == []
