"""``clean`` keeps the notes a reference page says under each of its entries (``repeat_policy``)."""

from __future__ import annotations

import pytest

from seoclean.analysis import Analyzer
from seoclean.rewrite.api import clean
from seoclean.rewrite.repeat_policy import EntryHeads

DOM_ATTRIBUTES = """\
xml.dom — The Document Object Model API
Node Objects¶
All of the components of an XML document are subclasses of Node.
- Node.nodeType¶
- An integer representing the node type.  Symbolic constants for the types are on
the Node object: ELEMENT_NODE, ATTRIBUTE_NODE, TEXT_NODE, CDATA_SECTION_NODE, ENTITY_NODE, PROCESSING_INSTRUCTION_NODE, COMMENT_NODE, DOCUMENT_NODE, DOCUMENT_TYPE_NODE, NOTATION_NODE.
This is a read-only attribute.
- Node.parentNode¶
- The parent of the current node, or None for the document node. The value is
always a Node object or None.  For Element nodes, this
will be the parent element, except for the root element, in which case it will
be the Document object. For Attr nodes, this is always None. This is a read-only attribute.
- Node.attributes¶
- A NamedNodeMap of attribute objects.  Only elements have actual values
for this; others provide None for this attribute. This is a read-only
attribute.
- Node.previousSibling¶
- The node that immediately precedes this one with the same parent.  For
instance the element with an end-tag that comes just before the self
element’s start-tag.  Of course, XML documents are made up of more than just
elements so the previous sibling could be text, a comment, or something else.
If this node is the first child of the parent, this attribute will be
None. This is a read-only attribute.
- Node.nextSibling¶
- The node that immediately follows this one with the same parent.  See also
previousSibling.  If this is the last child of the parent, this
attribute will be None. This is a read-only attribute.
- Node.childNodes¶
- A list of nodes contained within this node. This is a read-only attribute.
- Node.firstChild¶
- The first child of the node, if there are any, or None. This is a read-only
attribute.
- Node.localName¶
- The part of the tagName following the colon if there is one, else the
entire tagName.  The value is a string.
- Node.prefix¶
- The part of the tagName preceding the colon if there is one, else the
empty string.  The value is a string, or None.
"""

GIT_VARIABLES = """\
git(1)
======

ENVIRONMENT VARIABLES
---------------------
Various Git commands pay attention to environment variables and change
their behavior. The environment variables marked as "Boolean" take
their values the same way as Boolean valued configuration variables.

`GIT_TRACE`::
\tEnables general trace messages, e.g. alias expansion, built-in
\tcommand execution and external command execution.
+
If this variable is set to "1", "2" or "true" (comparison
is case insensitive), trace messages will be printed to
stderr.
+
Unsetting the variable, or setting it to empty, "0" or
"false" (case insensitive) disables trace messages.

`GIT_TRACE_FSMONITOR`::
\tEnables trace messages for the filesystem monitor extension.

`GIT_TRACE_PACK_ACCESS`::
\tEnables trace messages for all accesses to any packs. For each
\taccess, the pack file name and an offset in the pack is
\trecorded.

`GIT_TRACE_PACKET`::
\tEnables trace messages for all packets coming in or out of a
\tgiven program.

`GIT_TRACE2`::
\tEnables more detailed trace messages from the "trace2" library.
\tOutput from `GIT_TRACE2` is a simple text-based format for human
\treadability.
+
If this variable is set to "1", "2" or "true" (comparison
is case insensitive), trace messages will be printed to
stderr.
+
Unsetting the variable, or setting it to empty, "0" or
"false" (case insensitive) disables trace messages.

`GIT_TRACE_REDACT`::
\tBy default, when tracing is activated, Git redacts the values of
\tcookies, the "Authorization:" header, and the "Proxy-Authorization:"
\theader. Set this Boolean environment variable to false to prevent this
\tredaction.
"""

INTRODUCTION = (
    "All of the components of an XML document are subclasses of Node, and each of them carries the "
    "attributes documented below in the same way."
)


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(model=None)


def test_a_note_closing_each_attribute_entry_stays(analyzer):
    result = clean(DOM_ATTRIBUTES, format="text", analyzer=analyzer)
    assert result.edits == () and result.text == DOM_ATTRIBUTES


def test_the_same_paragraphs_under_two_environment_variables_stay(analyzer):
    result = clean(GIT_VARIABLES, format="text", analyzer=analyzer)
    assert result.edits == () and result.text == GIT_VARIABLES


def test_the_introduction_pasted_under_an_entry_still_goes(analyzer):
    page = DOM_ATTRIBUTES.replace("All of the components of an XML document are subclasses of Node.", INTRODUCTION)
    spam = page.replace("- Node.childNodes¶", f"{INTRODUCTION}\n- Node.childNodes¶")
    result = clean(spam, format="text", analyzer=analyzer)
    assert result.text == page and {e.rule for e in result.edits} <= {"SEO403", "SEO406"}


def test_entry_heads_are_names_in_code_form_standing_apart():
    heads = EntryHeads(DOM_ATTRIBUTES + GIT_VARIABLES)
    lines = [(DOM_ATTRIBUTES + GIT_VARIABLES)[h.start :].split("\n", 1)[0] for h in heads.heads]
    assert "- Node.nodeType¶" in lines and "`GIT_TRACE2`::" in lines
    assert not any(line.startswith(("Node Objects", "xml.dom", "- An integer", "ENVIRONMENT")) for line in lines)
    assert heads.reference_page
