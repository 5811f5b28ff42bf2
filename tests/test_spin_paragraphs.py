"""Restoring spun words by the confidence of their suggestions: a spun paragraph gets the replaced
words back (and only those), an honest paragraph with unusual but legitimate word choices comes
back unchanged although single words of it draw confident suggestions. All texts are written
for these tests."""

from __future__ import annotations

from seoclean.analysis import Analyzer
from seoclean.rewrite.api import clean

# A lawn-care paragraph after a sense-blind thesaurus spinner ("week" -> "hebdomad", "morning" ->
# "forenoon", "soil" -> "filth", "energy" -> "muscularity"); "soil" is still written once.
SPUN = (
    "Mow the lawn once a hebdomad in spring and summer, and never cut more than a third of the blade at a time. "
    "Keep the blades of the mower sharp, because a dull blade tears the grass and leaves brown tips. Water deeply "
    "early in the forenoon, so that the filth stays moist and the grass dries before dark. Feed the lawn in "
    "spring and again in early autumn, and rake out moss and dead grass when the soil is damp. If bare patches "
    "appear, loosen the top layer, sow fresh seed and keep it damp until the new grass is growing. A healthy "
    "lawn puts its muscularity into deep roots, which help it survive a dry summer without trouble."
)
# A baker's own wording: rarer words chosen on purpose ("tepid", "supple", "burnished", "gummy").
BAKER = (
    "Combine the flour, salt and yeast in a roomy bowl, then pour in the tepid water and stir until a shaggy "
    "dough forms. Tip it onto a dusted worktop and knead for ten minutes, until it is supple and springs back "
    "when prodded. Return it to the bowl, drape a tea towel over it and leave it somewhere snug for about an "
    "hour, until it has doubled. Form a loaf, set it in a buttered tin and let it prove again while the oven "
    "heats. Bake for thirty minutes, until the crust is burnished and the loaf sounds hollow when rapped "
    "underneath. Let it cool on a wire rack before slicing, or the crumb will be gummy."
)


def test_a_spun_paragraph_gets_the_replaced_words_back():
    result = clean(SPUN, format="text", analyzer=Analyzer(model=None))
    restored = {(result.baseline[e.start : e.end], e.replacement) for e in result.edits if e.rule.startswith("SEO2")}
    assert {("hebdomad", "week"), ("forenoon", "morning"), ("filth", "soil"), ("muscularity", "energy")} <= restored
    assert "once a week in spring" in result.text and "so that the soil stays moist" in result.text
    assert not [e for e in result.edits if result.baseline[e.start : e.end] in ("rake", "fresh", "sow")]


def test_an_honest_paragraph_with_unusual_word_choices_comes_back_unchanged():
    result = clean(BAKER, format="text", analyzer=Analyzer(model=None))
    assert result.edits == () and result.text == BAKER
