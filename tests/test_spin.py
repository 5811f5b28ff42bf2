"""The spin detector (SEO201-SEO206): for every rule a spun positive with its exact span, position
and suggestion, and legitimate near misses that must stay silent. All texts are written for
these tests; none depends on the evaluation data."""

from __future__ import annotations

import itertools
import math
import random

import numpy as np
import pytest

from seoclean.detectors.rare_entries import _inflect
from seoclean.detectors.spin import SpinDetector
from seoclean.detectors.spin_context import SpinContext
from seoclean.detectors.spin_surface import stray_capitals
from seoclean.detectors.spin_weights import PRIOR_RATE, Logistic, load_weights, shrunk_rate, with_interactions
from seoclean.detectors.substitution_hits import article_fix
from seoclean.detectors.substitutions import FEATURES, find_slots, rescored
from seoclean.document import Document
from seoclean.lexicon import get_lexicon
from seoclean.rules import rules_matching


def findings(text: str, **options):
    return SpinDetector(**options).run(Document(text)).findings


def only(text: str, rule: str, **options):
    found = [f for f in findings(text, **options) if f.rule == rule]
    assert len(found) == 1, found
    return found[0]


def assert_silent(text: str, **options):
    assert findings(text, **options) == [], text


def assert_finding(finding, *, text, start, line, column, suggestion):
    assert (finding.text, finding.start, finding.end) == (text, start, start + len(text))
    assert (finding.line, finding.column) == (line, column)
    assert finding.suggestion == suggestion
    assert finding.category == "spin"
    assert 0.0 < finding.evidence["confidence"] <= 1.0


def test_the_spin_rules_are_registered():
    codes = [rule.code for rule in rules_matching(["SEO2"])]
    assert codes == ["SEO201", "SEO202", "SEO203", "SEO204", "SEO205", "SEO206"]


# -- SEO201 unnatural-synonym ------------------------------------------------------------------
def test_seo201_a_synonym_breaking_a_fixed_compound_is_restored():
    text = "Our kitchen tips.\nMix warm water and broiling soda to clean the oven."
    finding = only(text, "SEO201")
    assert_finding(finding, text="broiling", start=37, line=2, column=20, suggestion="baking")
    assert finding.evidence["fixed_collocations"] == 1
    assert finding.evidence["candidate_zipf"] > finding.evidence["zipf"]


def test_seo201_a_word_that_cannot_follow_a_function_word_is_reported():
    finding = only("A short walk every day can supporter the body to recover.", "SEO201")
    assert_finding(finding, text="supporter", start=27, line=1, column=28, suggestion="help")
    assert finding.evidence["fixed_grammar"] == 1


@pytest.mark.parametrize(
    "text",
    [
        "The old sailor told us about a torrid affair in Lisbon.",  # rare but genuine collocation
        "The capacitor's reactance rises as the frequency falls.",  # technical terms
        "The dosage depends on the patient's renal clearance.",
        "Mr Fastidious and Ms Nigh opened the meeting.",  # names
        "A good cover letter is short, and baking soda cleans the oven.",  # the collocations themselves
        "She put aside a nest egg for her retirement.",
    ],
)
def test_seo201_legitimate_text_is_left_alone(text):
    assert_silent(text)


def test_seo201_a_deliberately_repeated_wording_is_not_a_spinner_choice():
    text = "Mix warm water and broiling soda. Rinse. Then add more broiling soda and scrub."
    assert not [f for f in findings(text) if f.rule == "SEO201"]


def test_seo201_allowlisted_terms_are_never_reported():
    assert_silent("Mix warm water and broiling soda.", allowlist=["broiling soda"])


@pytest.mark.parametrize(
    "text",
    [
        "Dereferencing the pointer constructs a new, equivalent object each time you retrieve an attribute of it.",
        "The write call would increment the counter to a value larger than the maximum.",
        "To avoid name resolution delays, a name lookup is no longer performed.",
    ],
)
def test_seo201_technical_words_whose_pairs_the_bigram_data_lacks_are_left_alone(text):
    # "you retrieve" / "retrieve an" are both missing from the reference pairs, as the pairs of most
    # moderately rare words are, while "find" makes both: no evidence of a swap by itself.
    assert [f for f in findings(text) if f.rule == "SEO201"] == []


@pytest.mark.parametrize(
    "text",
    [
        (
            "The log lists the commits on the current branch, newest first. Each entry shows the author, the "
            "date and the message. To see only the commits that touch one file, name the file after two "
            "dashes. Three commits are shown along with their titles."
        ),
        (
            "When the merge stops with conflicts, the tool shows the commits on both sides. You can then pick "
            "the changes you want and record a new commit."
        ),
    ],
)
def test_seo201_a_term_of_art_that_breaks_a_pair_is_left_alone_when_it_reads_as_the_writers(text):
    # "the commits": the tags know "commits" as a verb only, so the pair breaks the grammar and
    # "places" would fix it; but the substitution model, weighing the writer's choice against a
    # spinner's in context, finds no swap (the page repeats the word, its neighbours are plain).
    assert [f for f in findings(text) if f.rule == "SEO201"] == []


# -- SEO202 inconsistent-synonyms --------------------------------------------------------------
def test_seo202_synonyms_in_one_frame_point_at_the_original():
    text = (
        "Lower back pain is common.\n"
        "Most deeper back pain goes away in a few weeks.\n"
        "See a doctor if your gloomier back pain lasts."
    )
    found = [f for f in findings(text) if f.rule == "SEO202"]
    assert len(found) == 2
    assert_finding(found[0], text="deeper", start=32, line=2, column=6, suggestion="lower")
    assert_finding(found[1], text="gloomier", start=96, line=3, column=22, suggestion="lower")
    assert found[0].evidence["original_count"] == 1


def test_seo202_deliberate_variation_between_idioms_is_left_alone():
    assert_silent("Large companies pay more tax. Big companies also hire more people.")
    assert_silent("Heavy rain fell all night. The heavy rain closed the roads, and more rain is due.")


def test_seo202_a_variant_the_writer_repeats_more_often_than_the_original_is_left_alone():
    # Reference documentation repeats its wording: "the returned time object" twice, "the given
    # time" once. A spinner rewrites each occurrence on its own and leaves the original commonest.
    text = (
        "Return a time object with the same hour and minute. The fold value is copied to the returned time object.\n"
        "Return a time object with the same hour, minute and tzinfo. The fold value is copied to the returned time "
        "object.\nReturn the UTC offset of the given time as a timedelta, or None if the offset is unknown.\n"
    )
    assert [f for f in findings(text) if f.rule == "SEO202"] == []
    spun = (
        "Lower back pain is common. Most lower back pain goes away.\nMost deeper back pain goes away in a few weeks.\n"
        "See a doctor if your deeper back pain lasts."
    )
    assert [f.text for f in findings(spun) if f.rule == "SEO202"] == ["deeper", "deeper"]


def test_seo202_a_writer_contrasting_two_synonyms_in_one_frame_is_left_alone():
    # "original" and "new" share a thesaurus entry and the frame "the _ branch", and "original
    # branch" is missing from the reference pairs; but the writer contrasts them on purpose, and
    # nothing else on the page reads as a swap.
    text = (
        "After the rebase you can still recover the original branch from the reflog. The new branch keeps "
        "your changes on top of the upstream work."
    )
    assert [f for f in findings(text) if f.rule == "SEO202"] == []


# -- SEO203 multiword-substitute ---------------------------------------------------------------
def test_seo203_a_multiword_entry_where_one_word_collocates():
    finding = only("Set up an automatic transfer to a nest egg account on payday.", "SEO203")
    assert_finding(finding, text="nest egg", start=34, line=1, column=35, suggestion="savings")
    assert finding.evidence["words"] == 2


@pytest.mark.parametrize(
    "text",
    [
        "You can put up with a little noise. Let me try out the new camera.",
        "She put aside a nest egg for her retirement.",
        "Turn down the music and take down the old posters.",
    ],
)
def test_seo203_phrasal_verbs_and_genuine_phrases_are_left_alone(text):
    assert_silent(text)


# -- SEO204 odd-capitalisation -----------------------------------------------------------------
def test_seo204_a_common_word_capitalised_mid_sentence():
    text = "This is the best way.\nThis is the Best way to clean a kitchen sink."
    finding = only(text, "SEO204")
    assert_finding(finding, text="Best", start=34, line=2, column=13, suggestion="best")
    assert finding.evidence["lowercase_count"] == 1


@pytest.mark.parametrize(
    "text",
    [
        "Best of all, it is cheap and quick.",  # sentence start
        "Note: Best results come with warm water.",  # after a colon
        'He said "Best wishes to all" and left.',  # after a quote
        "The Best Way To Clean A Kitchen Sink",  # a title-case heading
        "We bought it at Best Buy last week.",  # a name
        "She was voted Player of the Year after her first season.",  # a title across function words
        "The festival starts in August and ends in China.",  # usually proper names
    ],
)
def test_seo204_expected_capitals_are_left_alone(text):
    assert_silent(text)


# A page long enough to show its own substitution rate, written plainly: no swaps at all.
HONEST_CHECKLIST = (
    "Before you deploy the application, read through this checklist. Most of the settings it mentions "
    "have safe defaults for development, but a public site needs different values.\n"
    "Put the application behind a Web server such as a reverse proxy, and let the proxy serve the static "
    "files. The application itself should only answer requests for pages.\n"
    "Keep the secret key out of the source tree. Load it from an environment variable or a file that only"
    " the service account can read, and rotate it when someone leaves the team.\n"
    "Turn off the debug mode. With debug mode on, every error page shows the settings, the local "
    "variables of each frame and the full path of every file on the server.\n"
    "The health check returns True when the database answers within two seconds, so the load balancer can"
    " take a slow machine out of the pool until it recovers.\n"
    "Set up logging to a file that is rotated every night, and send the errors to an address that "
    "somebody actually reads. Test the whole setup on a staging machine first.\n"
    "Back up the database every day and keep the copies in another building. A backup you have never "
    "restored is only a hope, so restore one to a spare machine each month and check that the site "
    "starts.\n"
    "Write down every step of the release in a short document that lives next to the code. When something"
    " goes wrong at night, the person on call should not have to remember how the last release was "
    "done.\n"
    "Give each person on the team their own account on the servers, and remove the account on the day "
    "they leave. Shared passwords end up in chat logs and old laptops, and nobody can tell who changed "
    "what.\n"
    "Watch the disk space on every machine. Logs, uploads and old releases fill a disk slowly, and the "
    "day it is full the site stops taking orders without a clear error.\n"
    "Make the error pages plain and friendly. A visitor who hits a broken link should see a short message"
    " and a way back to the home page, not a stack trace.\n"
    "Check the time zone of the servers and of the database. Store every date in one zone and convert it "
    "only when you show it to a person, or the reports will disagree by an hour twice a year.\n"
    "Limit how many requests one address can make in a minute. A single script that asks for the same "
    "page again and again can slow the site down for everyone else.\n"
    "Read the release notes of every library before you upgrade it, and upgrade one library at a time, so"
    " that when a test fails you know which change broke it.\n"
    "Keep a list of every service the site depends on, with the name of the person who can fix each one. "
    "When the mail service or the payment service is down, that list saves an hour.\n"
    "Run the tests on every change before it reaches the main branch. A test that fails now and then is "
    "worse than no test at all, so fix it or remove it the same week.\n"
)


def test_seo204_conventional_capitals_on_a_page_that_reads_as_written_are_left_alone():
    # "a Web server", "returns True": a writer's conventions. On a page whose other words show a
    # substitution rate below clean text's, a capital mid-sentence is not a spinner's trace; the
    # same capitals in a short text, which cannot show its rate, are still reported.
    assert [f.text for f in findings(HONEST_CHECKLIST) if f.rule == "SEO204"] == []
    short = "Put the application behind a Web server. The health check returns True when the database answers."
    assert [f.text for f in findings(short) if f.rule == "SEO204"] == ["Web", "True"]


def test_seo204_allowlisted_brand_names_are_left_alone():
    assert_silent("This is the Best way to clean a kitchen sink.", allowlist=["Best"])


# -- SEO205 spintax-residue --------------------------------------------------------------------
def test_seo205_spintax_left_in_the_text():
    finding = only("Saving tips\n\nThis is a {great|good|nice} way to save money.", "SEO205")
    assert_finding(finding, text="{great|good|nice}", start=23, line=3, column=11, suggestion="great")
    assert finding.evidence["alternatives"] == 3


@pytest.mark.parametrize(
    "text",
    [
        "Let S = {x | x > 0} be the set of positive numbers.",
        "Hello {name}, welcome to the {site} page.",
        # Shell brace expansion fused to a name, as technical writing uses it.
        "The fix concerns PostgreSQL specific {text|varchar}_pattern_ops indexes on old databases.",
        "Rotate the files server{old|new}.log every night and keep a week of them.",
    ],
)
def test_seo205_set_notation_and_template_fields_are_not_spintax(text):
    assert_silent(text)


# -- SEO206 function-phrase-swap ---------------------------------------------------------------
SEO206_ON = {"function_min_expected": 4.0}


def test_seo206_two_function_words_english_never_pairs():
    finding = only("Nobody checked the records, so it was is not known why.", "SEO206", **SEO206_ON)
    assert_finding(finding, text="was is", start=34, line=1, column=35, suggestion="is")


@pytest.mark.parametrize(
    "text",
    [
        "Her car is faster than his was last year.",
        "Mine is red and yours is blue, but theirs is green.",
        "It is one of those that we all remember.",
        "Whether or not it works, we will try it.",
    ],
)
def test_seo206_elliptical_but_correct_english_is_left_alone(text):
    assert_silent(text, **SEO206_ON)


def test_seo206_is_off_by_default_but_still_measured():
    result = SpinDetector().run(Document("It was is not known why."))
    assert result.findings == []
    assert result.measures["function_phrase_per_100w"] > 0


# -- measures and the detector contract ---------------------------------------------------------
CLEAN = (
    "Regular exercise improves both physical and mental health. Adults should aim for at least two "
    "hours of moderate activity each week, such as brisk walking or cycling. Strength training on two "
    "days a week helps to keep muscles and bones healthy as we get older. Even short periods of "
    "activity are better than none, so take the stairs and walk whenever you can."
)


def tiny_spin(text: str, rate: float, seed: int) -> tuple[str, int]:
    """A blind spinner: swap words for a random thesaurus entry, regardless of sense."""
    lex, rng = get_lexicon(), random.Random(seed)
    out, swaps = [], 0
    for word in text.split(" "):
        core = word.strip(".,")
        entries = () if lex.is_stopword(core.lower()) else lex.synonyms(core.lower())
        if entries and rng.random() < rate:
            word, swaps = word.replace(core, rng.choice(entries)), swaps + 1
        out.append(word)
    return " ".join(out), swaps


def test_every_measure_is_reported_and_finite_even_for_an_empty_document():
    for text in ("", CLEAN):
        result = SpinDetector().run(Document(text))
        assert set(result.measures) == set(SpinDetector.measure_names)
        assert all(math.isfinite(v) for v in result.measures.values())
    assert SpinDetector.feature_names()[0] == "spin__unnatural_synonym_per_100w"


def test_spun_text_scores_higher_than_its_source_and_the_source_stays_clean():
    assert findings(CLEAN) == []
    source = SpinDetector().run(Document(CLEAN)).measures
    spun_text, swaps = tiny_spin(CLEAN, 0.5, seed=3)
    spun = SpinDetector().run(Document(spun_text)).measures
    assert swaps >= 10
    assert spun["rare_synonym_rate"] > source["rare_synonym_rate"]
    assert spun["unseen_content_pair_frac"] > source["unseen_content_pair_frac"]


def test_thresholds_turn_checks_off():
    text = "Mix warm water and broiling soda. This is a {great|good} deal."
    assert {f.rule for f in findings(text, min_pmi=None, spintax=False, min_substitution=None)} == set()


def test_findings_are_sorted_and_do_not_overlap():
    text = "Most deeper back pain goes away. Lower back pain is common. Mix broiling soda {in|into} water."
    found = findings(text)
    assert found == sorted(found, key=lambda f: (f.start, f.rule))
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@pytest.mark.parametrize("rule", rules_matching(["SEO2"]), ids=lambda rule: rule.code)
def test_every_rule_flags_its_bad_example_and_not_its_better_one(rule):
    options = SEO206_ON if rule.code == "SEO206" else {}
    assert rule.code in {f.rule for f in findings(rule.bad, **options)}
    assert rule.code not in {f.rule for f in findings(rule.better, **options)}


# -- substitutions: a spinner's choice weighed against the writer's (SEO201, SEO202, SEO203) ----
SAVINGS = (
    "An easy access savings account lets you take money out whenever you need it. Interest is paid "
    "every month, and the rate can go up or down. Most banks let you open an account online in a few "
    "minutes. You will need proof of your address and a bank card. Before you choose an account, "
    "compare the interest rate, the fees and the rules for withdrawals. Some accounts pay a bonus for "
    "the first year, so check what the rate will be after the bonus ends. If you want to save for a "
    "house, a fixed rate account may pay more, but you cannot take your money out early."
)
# The same page after a blind spinner: rare synonyms, sense-blind multi-word entries.
SAVINGS_SPUN = (
    "An easy access savings account lets you takings money out whenever you demand it. Involvement is "
    "paid every calendar month, and the charge per unit can go up or down. Most money box let you open "
    "an account online in a few transactions. You will need cogent evidence of your speech and a bank "
    "card. Before you take an account, equate the interest rate, the fees and the prescript for "
    "withdrawals. Some accounts pay a fillip for the first year, so check what the rate will be after "
    "the fillip ends. If you want to save for a menage, a fixed rate account may pay more, but you "
    "cannot take your money out early."
)


def test_substitutions_in_a_spun_page_are_found_and_restored():
    found = {(f.rule, f.text, f.suggestion) for f in findings(SAVINGS_SPUN)}
    # The common synonym appears elsewhere on the page: the page names one thing two ways.
    assert ("SEO202", "takings", "take") in found
    assert ("SEO202", "demand", "need") in found
    # Multi-word thesaurus entries standing where one word fits.
    assert ("SEO203", "money box", "bank") in found
    assert ("SEO203", "calendar month", "month") in found
    assert ("SEO203", "cogent evidence", "proof") in found
    for finding in findings(SAVINGS_SPUN):
        assert 0.0 < finding.evidence["confidence"] <= 1.0
        assert finding.text.lower() != (finding.suggestion or "").lower()


def test_substitution_findings_carry_their_evidence():
    finding = next(f for f in findings(SAVINGS_SPUN) if f.text == "money box")
    assert finding.evidence["substitution_probability"] >= 0.5
    assert finding.evidence["likelihood_ratio"] > 0
    assert finding.evidence["zipf_gain"] > 1  # "bank" is far commoner than "money box"
    assert finding.evidence["words"] == 2
    assert (finding.line, finding.column) == (1, SAVINGS_SPUN.index("money box") + 1)


# Elegant variation: a writer's "queries" after "questions" is not a spinner's swap.
READERS_QUESTIONS = (
    "Every month our readers send us questions about money, and this week we picked the most common "
    "ones. Many of the queries were about pensions: when to start saving, how much to put aside and "
    "what happens if you change jobs. Others asked about mortgages and whether it is better to fix "
    "the rate or take a tracker. We answer each question below, with links to the guides that "
    "explain the details. If your question is not here, write to us and we will try to cover it."
)
# A compound of the page's own topic, not a sense-blind entry.
TREE_STUMP = (
    "The garden has an old tree stump near the fence. Grinding the stump below ground level takes an "
    "afternoon with a hired machine, and the tree roots rot away within a few years."
)
# Rare words that are the writer's own: literary and technical vocabulary.
OLD_OAK = (
    "Our ancient oak survived three storms. Its gnarled limbs still shade the patio, and the acorns "
    "feed the squirrels every autumn."
)
SURGERY = (
    "The patient was given an anticoagulant before surgery to lower the risk of thrombosis. Her "
    "haemoglobin recovered within a week."
)


@pytest.mark.parametrize("text", [SAVINGS, READERS_QUESTIONS, TREE_STUMP, OLD_OAK, SURGERY])
def test_substitutions_leave_legitimate_writing_alone(text):
    assert_silent(text)


def test_min_substitution_none_turns_the_substitution_findings_off_but_not_the_measures():
    result = SpinDetector(min_substitution=None).run(Document(SAVINGS_SPUN))
    assert not any("substitution_probability" in f.evidence for f in result.findings)
    assert result.measures["likely_substitute_per_100w"] > 0


def test_substitution_measures_separate_a_spun_page_from_its_source():
    source = SpinDetector().run(Document(SAVINGS)).measures
    spun = SpinDetector().run(Document(SAVINGS_SPUN)).measures
    for name in ("substitution_rate", "substitution_llr_mean", "mean_zipf_gap", "synonym_in_document_rate"):
        assert spun[name] > source[name], name
    assert source["likely_substitute_per_100w"] == 0
    assert spun["likely_substitute_per_100w"] > 3


# Three words swapped in the savings page: a light spin, as spinners that keep most of a page do.
SAVINGS_LIGHTLY_SPUN = (
    SAVINGS.replace("you need it", "you demand it")
    .replace("a bonus for", "a fillip for")
    .replace("save for a house", "save for a menage")
)


def test_the_slot_tail_measures_see_a_light_spin_that_barely_moves_the_rate():
    source = SpinDetector().run(Document(SAVINGS)).measures
    light = SpinDetector().run(Document(SAVINGS_LIGHTLY_SPUN)).measures
    spun = SpinDetector().run(Document(SAVINGS_SPUN)).measures
    # The rate averages over some 60 slots and is shrunk towards clean text: three swaps hardly move it.
    assert light["substitution_rate"] < source["substitution_rate"] * 1.5
    # The likeliest tenth of the slots is where the three swaps are.
    assert source["top_decile_substitute_prob"] < 0.3 < light["top_decile_substitute_prob"]
    assert light["top_decile_substitute_prob"] > 3 * source["top_decile_substitute_prob"]
    # The excess over a writer's rate grows with the evidence: none, three swaps, a blind spin.
    assert source["substitute_excess_z"] < 0 < light["substitute_excess_z"] < spun["substitute_excess_z"]
    assert spun["substitute_excess_z"] > 2


def test_the_slot_tail_measures_are_zero_without_slots():
    measures = SpinDetector().run(Document("2024: 12, 17 and 30.")).measures
    assert measures["top_decile_substitute_prob"] == 0.0
    assert measures["substitute_excess_z"] == 0.0


def test_a_neighbour_of_a_substitute_is_judged_against_its_original():
    # "stream report" for "current account": once "report" reads as "account", "stream" is a
    # rare stand-in for "current" ("current account" is a known pair); before, it met an unknown pair.
    text = "You must be holding a UK stream report in your own name to open this savings account."
    ctx = SpinContext(Document(text), get_lexicon())
    slots = find_slots(ctx)
    words = [ctx.low[i] for i in slots.first.tolist()]
    likely = np.array([word == "report" for word in words])
    again = rescored(ctx, slots, likely)
    stream, llr = words.index("stream"), FEATURES.index("llr")
    assert slots.original(words.index("report")) == "account"
    assert again.features[stream, llr] > slots.features[stream, llr] + 1.0
    assert again.original(stream) == "current"


def test_the_article_follows_the_suggestion():
    ctx = SpinContext(Document("Tap Open a write up in the app."), get_lexicon())
    assert article_fix(ctx, 3, "account") == "an"  # "a write up" -> "an account"
    assert article_fix(ctx, 3, "box") is None  # "a box": nothing to change
    ctx = SpinContext(Document("We sent an box to you."), get_lexicon())
    assert article_fix(ctx, 3, "parcel") == "a"
    assert article_fix(ctx, 3, "order") is None


def test_a_short_text_borrows_the_rate_of_clean_text():
    assert shrunk_rate(0.0, 0) == pytest.approx(PRIOR_RATE)
    assert PRIOR_RATE < shrunk_rate(5.0, 5) < 0.5  # five odd words alone do not make a spun page
    assert shrunk_rate(500.0, 1000) > 0.45  # a long page speaks for itself


def test_the_shipped_weights_match_the_features():
    weights = load_weights()
    for (kind, model), logistic in weights.models.items():
        inputs = len(FEATURES) + (0 if model == "alone" else 1)  # and the document's rate
        # The exact model weighs the features and every pairwise product of them.
        expected = inputs + inputs * (inputs + 1) // 2 if logistic.interactions else inputs
        assert len(logistic.coefficients) == expected, (kind, model)
    assert all(weights.models[(kind, "exact")].interactions for kind in ("word", "phrase"))


def test_a_model_with_interactions_weighs_the_products_of_its_features():
    rng = np.random.default_rng(7)
    features, coefficients = rng.normal(size=(40, 4)), rng.normal(size=4 + 10)
    expected = 1.0 / (1.0 + np.exp(-(with_interactions(features) @ coefficients - 0.4)))
    assert np.allclose(Logistic(coefficients, -0.4, interactions=True).probability(features), expected)
    assert with_interactions(features).shape == (40, 14)
    assert np.allclose(with_interactions(features)[:, 4], features[:, 0] ** 2)


def _best_original(text: str, word: str) -> tuple[str, float]:
    ctx = SpinContext(Document(text), get_lexicon())
    slots = find_slots(ctx)
    k = [ctx.low[i] for i in slots.first.tolist()].index(word)
    return slots.original(k), float(slots.feature("frame_in_document")[k])


def test_the_page_own_wording_of_a_frame_points_at_the_original():
    # Alone, "tremendous garden" reads best as "wonderful garden"; a page that writes "large
    # garden" elsewhere names the thing it means, and a spinner rewrites each occurrence alone.
    assert _best_original("Our tremendous garden has a pond.", "tremendous") == ("wonderful", 0.0)
    later = "In summer our tremendous garden is full of bees."
    original, frames = _best_original(f"Our large garden has a pond. {later}", "tremendous")
    assert original == "large" and frames > 0
    assert _best_original(f"Our big garden has a pond. {later}", "tremendous")[0] == "big"


# A blind spinner also draws entries too rare for any frequency list ("hebdomads", "quoin"): the
# thesaurus lists them under the common words they replaced.
RARE_SPUN = SAVINGS_SPUN + " The fillip is paid after six hebdomads, at the ATM on the quoin of your street."
STOPCOCK = (
    "Before you change a tap washer, turn off the water at the stopcock. In most houses the stopcock "
    "sits under the kitchen sink, where the main pipe comes in. Open the tap to drain the pipe, then "
    "undo the headgear nut with a spanner and lift out the old washer."
)


def test_rare_thesaurus_entries_on_a_spun_page_point_at_the_common_original():
    found = {f.text: f for f in findings(RARE_SPUN)}
    assert found["hebdomads"].suggestion == "weeks"  # "hebdomad" is listed under "week": same inflection back
    assert found["quoin"].suggestion == "corner"
    for word in ("hebdomads", "quoin"):
        assert found[word].rule == "SEO201"
        assert found[word].evidence["confidence"] >= 0.55
    assert "too rare for the frequency list" in found["hebdomads"].message  # "quoin" is in it, barely


@pytest.mark.parametrize("text", [STOPCOCK, SAVINGS + " The bonus is paid after six hebdomads."])
def test_rare_words_on_an_honest_page_are_left_alone(text):
    # A trade's own term ("stopcock", listed under "cock"), and even an odd archaism, on a page
    # that shows no other sign of spinning: a writer's choice, not a spinner's.
    assert_silent(text)


def test_a_rare_entry_is_put_back_in_the_inflection_it_was_found_in():
    ctx = SpinContext(Document("x"), get_lexicon())
    forms = [("week", "s"), ("box", "s"), ("carry", "ed"), ("stop", "ed"), ("use", "ed"), ("make", "ing")]
    assert [_inflect(ctx, base, inflection) for base, inflection in forms] == [
        *("weeks", "boxes", "carried", "stopped", "used", "making")
    ]
    assert _inflect(ctx, "week", "ing") is None  # no such form in the vocabulary


def test_the_shipped_weights_include_the_rare_entry_confidence():
    model = load_weights().rare_entry
    assert model is not None and len(model.coefficients) == 4
    sure, unsure = model.probability(np.array([[1.0, 2.0, 1.0, -1.5], [0.0, 0.0, 0.0, -1.9]]))
    assert sure > 0.75 > unsure  # one candidate that fits both neighbours beats a blind pick


def test_a_capitalised_entry_mid_sentence_is_weighed_and_restored_in_lowercase():
    spun = SAVINGS_SPUN.replace("in a few transactions", "in a few Transactions").replace(
        "a fillip for", "a Fillip for"
    )
    found = {f.text: f.suggestion for f in findings(spun)}
    assert found["Transactions"] == "minutes" and found["Fillip"] == "bonus"  # mid-sentence: lowercase back


def test_capitals_a_writer_means_are_not_weighed_as_substitutes():
    # A button's label, a defined term, a respectful capital: honest capitals mid-sentence.
    text = (
        "Download the app and tap Save to keep the recipe. Our Terms explain what you may copy, and "
        "you should ask your Doctor before you change your dose."
    )
    ctx = SpinContext(Document(text), get_lexicon())
    assert [ctx.texts[i] for i in np.flatnonzero(stray_capitals(ctx))] == ["Save", "Terms", "Doctor"]
    assert [f for f in findings(text) if f.rule != "SEO204"] == []
