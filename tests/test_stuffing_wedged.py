"""Keyphrases wedged into sentences where the pair data cannot judge their first word: a lower-case
technical phrase pasted into sentence after sentence ("confined in ssh machine their own room"),
and topic queries pasted after a function word ("call a roofer for cheap roof repair deals example
a slipped tile"). Both go; an article that repeats its topic where its sentences need it, or that
has one odd-looking topic phrase, comes back unchanged."""

from __future__ import annotations

from seoclean.detectors.phrases import WordTable, repeated_phrases
from seoclean.detectors.repeated_wedges import wedged_repeats
from seoclean.document import Document
from seoclean.lexicon import get_lexicon
from seoclean.rewrite.api import clean


def deleted(text: str, fmt: str = "markdown") -> list[str]:
    result = clean(text, format=fmt)
    return [result.baseline[e.start : e.end].strip() for e in result.edits if e.rule.startswith("SEO1")]


SSH_STUFFED = """\
# Logging in to a server over SSH

Servers often sit in a locked room without a keyboard or a screen, so administrators reach them over the network. The SSH protocol was designed for this job, and it encrypts everything sent in ssh machine both directions.

To open a session, type the user name and the host name, separated by an at sign. The first time you connect, the client asks you to confirm ssh machine the fingerprint of the server's key.

Passwords work, but keys are safer. Create ssh machine your own key pair on your laptop, then copy the public half to the server. From then on the server checks the key instead of asking for a password.

If the private key has a passphrase, an agent keeps ssh machine it in memory for the rest of your work session, so you type the passphrase once.

You can also forward a port, which lets ssh machine a program on your laptop talk to a service that only listens on the server itself.

Finally, remember to keep ssh machine the server's software up to date: most attacks use old bugs that were fixed years ago.
"""


SSH_HONEST = """\
# Hardening an SSH server

An ssh server that faces the internet is probed within minutes of going online. Most of the probes are automated and easy to stop.

## Keys instead of passwords

Turn off password logins once every user has an ssh key. A stolen password works from anywhere; a stolen ssh key is useless without its passphrase. Copy each public ssh key to the server with ssh-copy-id, then test the login before you close your current session.

## Limit who may log in

The ssh server reads its settings from one file. List the users or groups allowed to log in, and refuse root logins. Restart the ssh server after each change, and keep a second session open in case the new settings lock you out.

## Watch the logs

Every failed login leaves a line in the ssh server log. A tool such as fail2ban reads those lines and blocks an address after a few failures. Check the ssh server log each week anyway: a quiet log can mean the tool stopped.

## Keep it current

Most break-ins use old bugs. Update the ssh server package with the rest of the system, and read the release notes when the ssh key formats change.
"""


ROOF_STUFFED = """\
# What to do when your roof leaks

A roof leak rarely starts where the water shows. Water runs along rafters and insulation before it drips, so the stain on the ceiling can be a metre or two from the hole in the roof.

## Find the leak

Go into the loft on a rainy day with a torch. Look for wet timber, dark patches on the roof boards and daylight through the tiles. Mark each spot with chalk so the roofer can find it later.

## Stop the damage

Put a bucket under the drip and move anything valuable out of the way. If the ceiling bulges, it is holding water: make a small hole in the middle so the water drains into the bucket instead of bringing the whole ceiling down. Then call a roofer for cheap roof repair deals example a slipped tile or a cracked flashing.

## Ask the right questions

A good roofer will tell you what failed and why. Ask whether the repair comes with a guarantee, and get the price in writing before any work starts. Most roofers are happy to emergency roof repair deals send photos of the damage, which helps if you claim on insurance.

## Prevent the next leak

Clear the gutters every autumn, and have the roof checked after big storms. A missing tile costs little to replace; a wet roof timber that rots costs a great deal more.
"""


OIL_HONEST = """\
# Storing olive oil

Olive oil is a fruit juice, and like any juice it goes off. Light, heat and air all speed up the change, so how you store olive oil matters as much as which bottle you pick.

## Buy what you will use

People buy olive oil like they buy wine, then keep it for years. A bottle is at its best in the first few months after opening. Buy smaller bottles, and finish them.

## Keep it dark and cool

Store olive oil in a cupboard away from the hob. A clear bottle on a sunny windowsill loses its flavour in weeks; a tin or a dark glass bottle keeps it far longer.

## Taste before you cook

Good olive oil smells of cut grass or green apples. If it tastes of crayons or old nuts, it has gone rancid, and no amount of cooking will hide it.
"""


def test_a_lower_case_phrase_wedged_into_sentence_after_sentence_is_deleted_everywhere():
    result = clean(SSH_STUFFED, format="markdown")
    assert [result.baseline[e.start : e.end].strip() for e in result.edits] == ["ssh machine"] * 6
    assert "ssh machine" not in result.text
    assert "an agent keeps it in memory for the rest of your work session" in result.text
    assert "most attacks use old bugs that were fixed years ago." in result.text


def wedged_seeds(text: str) -> set[tuple[str, ...]]:
    doc = Document(text, format="markdown")
    table, lex = WordTable.from_document(doc), get_lexicon()
    repeated = [p.words for p in repeated_phrases(table, lex.stopwords, min_count=2) if p.count >= 3]
    return wedged_repeats(doc, table, lex, repeated)


def test_a_phrase_wedged_before_four_different_words_is_a_seed_and_before_three_is_not():
    assert wedged_seeds(SSH_STUFFED) == {("ssh", "machine")}
    # three such places may be three odd uses of a term: the page's family needs four
    fewer = SSH_STUFFED.replace("keeps ssh machine it", "keeps it").replace("keep ssh machine the", "keep the")
    assert wedged_seeds(fewer) == set()


SPARSE_INDEX_DOC = """\
# How the sparse index works

A sparse checkout keeps only some directories in the working tree. Git can also shrink the index to match: the sparse index might hold a single entry for a whole directory that lies outside the checkout.

Commands that know about it operate on the sparse index by default and run much faster in a large repository. Older commands do not, so Git quietly expands the sparse index first and pays the full cost again.

You can check which kind you have. If the sparse index itself is enabled, `git ls-files --sparse` shows directory entries; otherwise it lists every file, and the sparse index setting is off.

Turning it on is one command, and turning it off again is just as easy: the sparse index only changes how Git stores the index, never what is in your commits.
"""


def test_a_topic_repeated_after_determiners_is_no_seed():
    # "the sparse index might", "the sparse index first": "index might" is missing from the pair
    # data and "the might" is in it, but after "the" the phrase is the determiner's noun
    assert wedged_seeds(SPARSE_INDEX_DOC) == set()
    assert wedged_seeds(SSH_HONEST) == set()
    assert clean(SPARSE_INDEX_DOC, format="markdown").edits == ()


def test_an_article_that_repeats_its_topic_where_sentences_need_it_is_unchanged():
    assert clean(SSH_HONEST, format="markdown").edits == ()


def test_topic_queries_pasted_after_function_words_are_deleted():
    result = clean(ROOF_STUFFED, format="markdown")
    assert deleted(ROOF_STUFFED) == ["cheap roof repair deals", "emergency roof repair deals"]
    assert "call a roofer for example a slipped tile" in result.text
    assert "Most roofers are happy to send photos of the damage" in result.text


def test_one_topic_query_pasted_after_a_function_word_is_not_enough_evidence():
    one = ROOF_STUFFED.replace("happy to emergency roof repair deals send", "happy to send")
    assert deleted(one) == []


def test_an_honest_sentence_shaped_like_one_cut_is_kept():
    # "people buy olive oil like they buy wine": "oil like" is missing from the pair data and
    # "people like" is common, so this reads like a cut; one such place proves nothing
    assert clean(OIL_HONEST, format="markdown").edits == ()
