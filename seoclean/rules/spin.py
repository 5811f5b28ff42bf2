"""SEO2xx: traces of article spinning (found by ``detectors.spin``).

Spinners swap words and phrases for thesaurus "synonyms" without regard to sense, so the text keeps
its shape but loses its collocations and sometimes its grammar. Each rule names one trace; the
finding's ``suggestion`` is the likely original when the evidence points at one word.
"""

from seoclean.findings import Severity
from seoclean.rules import Rule

RULES: tuple[Rule, ...] = (
    Rule(
        code="SEO201",
        name="unnatural-synonym",
        category="spin",
        severity=Severity.WARNING,
        summary="A word that breaks a fixed phrase, a strong collocation or the grammar of its neighbours, "
        "where one of its thesaurus synonyms fits them: the mark of a spinner's blind swap.",
        bad="Mix warm water and broiling soda. A short walk every day can supporter the body to recover.",
        better="Mix warm water and baking soda. A short walk every day can help the body to recover.",
        details="Found with reference word-pair frequencies (Google web and books bigrams), WordNet "
        'compounds and the tags a word can take: the observed pair ("broiling soda") is unknown while a '
        'commoner synonym forms a compound or a strong collocation with the same neighbour ("baking '
        'soda"), or the word cannot follow the function word before it at all ("can supporter") while '
        "the synonym can. The synonym is suggested when it also makes a known pair on the word's other "
        "side. Rare words, technical terms and names are left alone unless a fixed phrase or a far "
        "stronger collocation shows the swap; so is wording the document repeats with the same neighbour, "
        "and a word the substitution model below finds a natural choice in its place (a writer's jargon, "
        '"the commits" on a page about git, breaks pairs too). '
        "Also reported: a word that is likelier a spinner's substitute for one of its thesaurus synonyms "
        "than the writer's choice, weighing its rarity, how the synonym would fit its neighbours and how "
        "many of the document's other words look substituted (spinners replace a share of every page, "
        "writers pick a rare word now and then); the evidence gives ``substitution_probability``.",
    ),
    Rule(
        code="SEO202",
        name="inconsistent-synonyms",
        category="spin",
        severity=Severity.WARNING,
        summary="The document names one thing with several thesaurus synonyms in the same frame "
        '("lower back pain", later "deeper back pain"); the odd variants are spun copies of the common one.',
        bad="Lower back pain is common. Most deeper back pain goes away. See a doctor if your "
        "gloomier back pain lasts.",
        better="Lower back pain is common. Most lower back pain goes away. See a doctor if your lower back pain lasts.",
        details="Variants are words that share a neighbour in the document and are synonyms of each other "
        "in the thesaurus. The variant that forms a known collocation with the shared neighbour is the "
        "original and is suggested; variants that are themselves known collocations are deliberate "
        'variation ("large company", "big company") and are not reported, nor a variant the substitution '
        'model finds a natural choice in its place ("the original branch" beside "the new branch"), unless '
        "both variants fill the frame twice or more. Also reported: a word the "
        "document uses once while a far commoner thesaurus synonym of it appears elsewhere in the document "
        "and fits its neighbours, when the document's other words also look substituted.",
    ),
    Rule(
        code="SEO203",
        name="multiword-substitute",
        category="spin",
        severity=Severity.WARNING,
        summary="A multi-word thesaurus entry standing where a single word with a common collocation "
        'fits ("a nest egg account" for "a savings account").',
        bad="Set up an automatic transfer to a nest egg account on payday.",
        better="Set up an automatic transfer to a savings account on payday.",
        details="Spinners replace single words with multi-word entries of their thesaurus, often a "
        "periphrasis or a sense that does not fit. Reported when the phrase's edges make unknown "
        "pairs with their neighbours while the single word it stands for forms a known collocation "
        'or fits the grammar there. Phrasal verbs and genuine phrases ("put up with", "a nest egg for '
        'her retirement") keep known pairs and are not reported. Sense-blind entries ("a money box '
        'transfer", "every calendar month") are also weighed like single-word substitutes; a compound '
        'whose words the document uses elsewhere ("tree stump" on a gardening page) counts for the writer.',
    ),
    Rule(
        code="SEO204",
        name="odd-capitalisation",
        category="spin",
        severity=Severity.INFO,
        summary="A common lowercase word capitalised in the middle of a lowercase sentence "
        '("the Best way to"), as spintax alternatives and template slots leave them.',
        bad="This is the Best way to clean a kitchen sink.",
        better="This is the best way to clean a kitchen sink.",
        details="Not reported at the start of a sentence, after a colon, quote or bracket, in headings "
        "and title-case lines, inside runs of capitalised words (names, titles), for words that are "
        "usually proper names (months, places, nationalities, by WordNet), for words the document "
        "capitalises consistently, or for allowlisted terms; nor on a page long enough to show that its "
        'other words read as written, not spun, where such capitals are conventions ("a Web server", '
        '"returns True") or referenced titles.',
    ),
    Rule(
        code="SEO205",
        name="spintax-residue",
        category="spin",
        severity=Severity.ERROR,
        summary='Unprocessed spintax "{great|good|nice}" left in the published text.',
        bad="This is a {great|good|nice} way to save money.",
        better="This is a great way to save money.",
        details="Spintax lists alternatives in braces separated by pipes; a spinner picks one per copy. "
        "Left in the text, it proves the page was machine-spun. The alternative that fits the "
        "neighbouring words best is suggested. Set notation with spaces around the bar "
        '("{x | x > 0}") is not reported, nor braces whose alternatives are codes, versions or '
        "quoted values (\"[{a|mx|any}]\", \"{'true'|'false'}\"): at least two alternatives must be words.",
    ),
    Rule(
        code="SEO206",
        name="function-phrase-swap",
        category="spin",
        severity=Severity.INFO,
        summary="Two function words in a row that English never puts together, left where a spinner "
        'swapped a function word or phrase ("it was is not known"); one of them fits alone.',
        bad="Nobody checked the records, so it was is not known why.",
        better="Nobody checked the records, so it is not known why.",
        details="Off by default (the spin detector's ``function_min_expected``): it is precise only on "
        "grammatical debris. When on, reported only when both words are so frequent that chance alone would put their pair in "
        "the reference data ten thousand times per billion word pairs, the pair is nevertheless missing "
        "from it, and dropping one of the two words leaves known pairs with both neighbours; that word "
        'is suggested. Elliptical English ("faster than his was", "theirs is green") keeps known pairs.',
    ),
)
