"""Documentation pages repeat their own terms where stuffers plant keyphrases: a table's column
names, admonition cells ("| | Tip |"), a dated chronology, a section's name in running text, a
cross-reference to a section, one-letter variables ("X | Y"). None of them is SEO102 or SEO105;
keyphrases with search words in the same places still are."""

from __future__ import annotations

from seoclean.detectors.stuffing import StuffingDetector
from seoclean.document import Document


def planted(text: str, fmt: str = "text") -> list[tuple[str, str]]:
    findings = StuffingDetector().run(Document(text, format=fmt)).findings
    return [(f.rule, f.text) for f in findings if f.rule in ("SEO102", "SEO105")]


CTYPES_PAGE = """\
Fundamental data types
ctypes defines a number of primitive C compatible data types:
| ctypes type | C type | Python type |
|---|---|---|
| c_bool | _Bool | bool |
| c_char | char | 1-character bytes object |
| c_int | int | int |
The field type must be a ctypes type like c_int, or any other derived ctypes type: structure, \
union, array, pointer.
- ctypes.addressof(obj)
- Returns the address of the memory buffer as integer. obj must be an instance of a ctypes type.
- ctypes.alignment(obj_or_type)
- Returns the alignment requirements of a ctypes type. obj_or_type must be a ctypes type or instance.
- ctypes.sizeof(obj_or_type)
- Returns the size in bytes of a ctypes type or instance memory buffer. Does the same as the C \
sizeof operator.
"""


def test_a_table_header_and_its_column_name_in_sentences_are_not_keyphrases():
    assert planted(CTYPES_PAGE) == []


def test_a_keyword_line_outside_a_table_is_still_a_list_of_variants():
    stuffed = (
        CTYPES_PAGE + "cheap plumber london | best plumber london | plumber london near me | plumber london deals\n"
    )
    assert ("SEO105", "cheap plumber london | best plumber london | plumber london near me | plumber london deals") in (
        planted(stuffed)
    )


ADMONITIONS_PAGE = """\
1.2. Unix-like filesystem
In GNU/Linux and other Unix-like operating systems, files are organized into directories. All files \
and directories are arranged in one big tree rooted at "/".
|  | Tip |
|---|---|
|  | If you need to identify the correspondence between the file tree and the physical entity, \
execute mount(8) with no arguments. |
The tree is called a tree because if you draw the filesystem, it looks like a tree lying upside down.
Consider a text file called "DPL" in which some Debian project leader's names and their initiation \
date are listed in a space-separated format.
Ian     Murdock   August  1993
Bruce   Perens    April   1996
Ian     Jackson   January 1998
Wichert Akkerman  January 1999
Ben     Collins   April   2001
|  | Tip |
|---|---|
|  | See "A Brief History of Debian" for the latest Debian leadership history. |
Awk is frequently used to extract data from these types of files.
|  | Tip |
|---|---|
|  | Use of argument "-i.bak" instead of "-i" keeps each original file by adding ".bak" to its name. |
"""


def test_admonition_cells_and_a_dated_chronology_are_not_planted():
    assert planted(ADMONITIONS_PAGE) == []


CURSES_PAGE = """\
# Curses Programming with Python

## Windows and Pads

Windows are the basic abstraction in curses. A window object represents a rectangular area of the \
screen, and supports methods to display text, erase it, and allow the user to input strings.

Pads are a special case of windows; they can be larger than the actual display screen, and only a \
portion of the pad displayed at a time. Pads behave like ordinary windows and support the same methods.

If you have multiple windows and pads on screen there is a more efficient way to update the screen \
and prevent annoying screen flicker as each part of the screen gets updated.

## Organizing test code

The basic building blocks of unit testing are test cases: single scenarios that must be set up and \
checked for correctness. Setup and teardown are covered in more detail in the section Organizing test code.

The final block shows a simple way to run the tests; for suites of them, see Organizing test code.
"""


def test_a_section_name_in_running_text_and_a_cross_reference_are_not_planted():
    assert planted(CURSES_PAGE, "markdown") == []


def test_a_query_under_its_own_heading_and_wedged_into_a_sentence_is_still_planted():
    stuffed = CURSES_PAGE.replace("## Windows and Pads", "## Cheap Window Cleaner").replace(
        "If you have multiple windows and pads on screen", "If you have multiple cheap window cleaner on screen"
    )
    assert planted(stuffed, "markdown") == [("SEO102", "Cheap Window Cleaner"), ("SEO102", "cheap window cleaner")]


UNION_TYPE_PAGE = """\
Union Type
A union object holds the value of the | (bitwise or) operation on multiple type objects. These types \
are intended primarily for type annotations. The union type expression enables cleaner type hinting \
syntax compared to typing.Union.
- X | Y | ...
- Defines a union object which holds types X, Y, and so forth. X | Y means either X or Y. It is \
equivalent to typing.Union[X, Y].
The __or__() method for type objects was added to support the syntax
X | Y.  If a metaclass implements __or__(), the Union may override it.
- X | Y == Y | X
- Unions of unions are flattened and redundant types removed.
"""


def test_single_letter_variables_are_not_a_keyphrase():
    assert planted(UNION_TYPE_PAGE) == []


SIGNAL_PAGE = """\
Execution of Python signal handlers
Python signal handlers are always executed in the main Python thread of the main interpreter,
even if the signal was received in another thread.  This means that signals can't be used as a
means of inter-thread communication.  You can use the synchronization primitives from the
threading module instead.
Besides, only the main thread of the main interpreter is allowed to set a new signal handler.
Signals and threads
If a signal is received while a thread is blocked, the Python signal handlers will be executed by the main
thread of the main interpreter.  Therefore, the only point of sending a signal to a particular thread
is to interrupt a blocking system call.
"""


def test_a_phrase_starting_a_hard_wrapped_line_does_not_stand_on_its_own():
    assert planted(SIGNAL_PAGE) == []
    pasted = SIGNAL_PAGE + "Thread of the main interpreter.\n"  # a sentence of its own after a full stop
    assert planted(pasted)[-1] == ("SEO102", "Thread of the main interpreter")
    assert len(planted(pasted)) > 1  # the occurrences wedged into sentences go with it
