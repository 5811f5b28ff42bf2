"""The classifier: training pieces, NumPy export, saving and checked loading, the shipped model."""

import json
import logging
import shutil
from pathlib import Path

import numpy as np
import pytest
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.utils.estimator_checks import parametrize_with_checks

import seoclean
from seoclean import model as model_module
from seoclean.analysis import Analyzer, feature_names
from seoclean.errors import ModelError
from seoclean.features import DetectorFeatures
from seoclean.linear import SignedLogisticRegression
from seoclean.model import load_model, metadata_path, save_model
from seoclean.scoring import CalibratedMember, Scorer, _logit, export_scorer
from seoclean.threshold import bootstrap_spread, out_of_fold_scores, pooled_threshold
from seoclean.training import (
    Split,
    calibration_folds,
    candidates,
    fit_calibrated,
    monotonic_constraints,
    pick_threshold,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
BASES = {
    "logistic": lambda: Pipeline([("scale", StandardScaler()), ("logistic", LogisticRegression(max_iter=2000))]),
    "boosting": lambda: HistGradientBoostingClassifier(max_iter=40, max_leaf_nodes=7, random_state=0),
}


@parametrize_with_checks([SignedLogisticRegression(), SignedLogisticRegression(C=0.5, monotonic_cst=None)])
def test_signed_logistic_regression_passes_scikit_learn_checks(estimator, check):
    check(estimator)


def test_signed_logistic_regression_matches_scikit_learn_unconstrained_and_keeps_signs():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(400, 4))
    y = (X[:, 0] - X[:, 1] + rng.normal(size=400) > 0).astype(int)
    ours = SignedLogisticRegression(C=1.0).fit(X, y)
    theirs = LogisticRegression(C=1.0, tol=1e-10, max_iter=10_000).fit(X, y)
    np.testing.assert_allclose(ours.coef_, theirs.coef_, atol=1e-4)
    held = SignedLogisticRegression(monotonic_cst=[0, 1, 0, -1]).fit(X, y)
    assert held.coef_[0, 1] >= 0 and held.coef_[0, 3] <= 0 and held.coef_[0, 0] > 0


def test_every_spam_evidence_feature_is_constrained_and_shape_is_not():
    names = feature_names()
    signs = dict(zip(names, monotonic_constraints(names)))
    assert signs["stuffing__stuffed_phrases"] == signs["spin__spintax_count"] == 1
    assert signs["boilerplate__cue_line_count"] == 1 and signs["boilerplate__stopword_density"] == 0
    assert all(sign == 0 for name, sign in signs.items() if name.startswith("shape__"))
    assert signs["comments__spam_comment_count"] == 1 and signs["comments__comment_count"] == 0
    # a paragraph sharing less with its article is more evidence of a paste, never less
    assert signs["coherence__min_core_similarity"] == -1 and signs["coherence__outlier_word_frac"] == 1
    assert {c.monotone for c in candidates(names)} == {True, False}


def synthetic_split(seed: int = 0, sources: int = 30) -> Split:
    """Rows of random features; spam rows are shifted on a few features. Four rows per source."""
    rng = np.random.default_rng(seed)
    width = len(feature_names())
    rows, X = [], []
    for source in range(sources):
        for n in range(4):
            label = int(n >= 2)
            x = rng.normal(size=width)
            x[:5] += 1.5 * label
            x[7] = np.nan if n == 0 and source % 5 == 0 else x[7]  # missing values go the learned way
            rows.append({"label": label, "source_id": f"s{source}", "kind": "spam" if label else "clean"})
            X.append(x)
    return Split(rows, np.array(X))


@pytest.fixture(scope="module", params=sorted(BASES))
def calibrated(request):
    split = synthetic_split()
    base = BASES[request.param]()
    if request.param == "logistic":  # linear models cannot take NaN
        split = Split(split.rows, np.nan_to_num(split.X))
    return fit_calibrated(base, split), split


def test_the_numpy_export_gives_the_pipelines_probabilities(calibrated):
    fitted, split = calibrated
    scorer = export_scorer(fitted, feature_names(), np.zeros(split.X.shape[1]))
    assert len(scorer.members) == 1  # ensemble=False: one classifier, calibrated on grouped folds
    test = synthetic_split(seed=1)
    X = test.X if np.isnan(split.X).any() else np.nan_to_num(test.X)
    np.testing.assert_allclose(scorer.predict_proba(X), fitted.predict_proba(X)[:, 1], rtol=0, atol=1e-12)


def test_explain_equals_rescoring_each_reset_feature_for_several_members(calibrated):
    # Models with several calibrated members (ensemble=True) are explained over one joined forest;
    # that must equal scoring every one-feature reset row by row.
    fitted, split = calibrated
    reference = np.median(np.nan_to_num(split.X)[split.y == 0], axis=0)
    member = export_scorer(fitted, feature_names(), reference).members[0]
    other = CalibratedMember(member.decision, member.a * 0.7, member.b + 0.3)
    scorer = Scorer(tuple(feature_names()), (member, other), reference)
    for row in np.nan_to_num(split.X[:20]):
        probability, contributions = scorer.explain(row)
        variants = np.tile(row, (len(row), 1))
        variants[np.arange(len(row)), np.arange(len(row))] = reference
        expected = _logit(scorer.predict_proba(row[None, :])[0]) - _logit(scorer.predict_proba(variants))
        assert probability == pytest.approx(scorer.predict_proba(row[None, :])[0], abs=1e-12)
        np.testing.assert_allclose(contributions, expected, rtol=0, atol=1e-9)


def test_contributions_point_at_the_features_that_separate_spam(calibrated):
    fitted, split = calibrated
    reference = np.median(np.nan_to_num(split.X)[split.y == 0], axis=0)
    scorer = export_scorer(fitted, feature_names(), reference)
    spam_row = np.nan_to_num(split.X[split.y == 1][0])
    spam_row[:5] = 4.0
    probability, contributions = scorer.explain(spam_row)
    assert probability > 0.5
    assert set(np.argsort(-contributions)[:3]) <= set(range(5))


def test_threshold_keeps_the_clean_flag_rate_under_one_percent_with_confidence_never_below_one_half():
    rng = np.random.default_rng(0)
    for n_clean, most_flagged in ((300, 0), (2000, 12)):  # 12 of 2,000: upper bound 0.99%
        y = np.array([0] * n_clean + [1] * 300)
        scores = np.concatenate([rng.beta(2, 8, n_clean), rng.beta(8, 2, 300)])
        threshold = pick_threshold(y, scores)
        flagged = (scores[y == 0] >= threshold).sum()
        assert flagged == most_flagged and threshold >= 0.5
        assert (scores[y == 1] >= threshold).mean() > 0.5  # still a useful cut
    assert pick_threshold(y, np.where(y == 1, 0.9, 0.1)) == 0.5


def test_pooled_threshold_reads_the_bound_off_many_rows_and_moves_less_under_resampling():
    rng = np.random.default_rng(1)
    dev_y = np.array([0] * 380 + [1] * 500)
    dev_scores = np.concatenate([rng.beta(2, 9, 380), rng.beta(9, 2, 500)])
    train_negatives = rng.beta(2, 9, 1600)
    threshold = pooled_threshold(dev_y, dev_scores, train_negatives)
    negatives = np.concatenate([dev_scores[dev_y == 0], train_negatives])
    assert threshold >= 0.5
    assert (negatives >= threshold).sum() == 12  # 12 of 1,980: Clopper-Pearson upper bound 0.98%
    assert (dev_scores[dev_y == 0] >= threshold).mean() <= 0.01  # the bound on dev itself
    pooled = bootstrap_spread(pooled_threshold, [(dev_y, dev_scores), (train_negatives,)])
    dev_only = bootstrap_spread(pick_threshold, [(dev_y, dev_scores)])
    assert pooled["sd"] < dev_only["sd"]


def test_pooled_threshold_never_flags_more_than_one_percent_of_dev_negatives():
    dev_y = np.array([0] * 100 + [1] * 100)
    dev_scores = np.concatenate([np.linspace(0.0, 0.95, 100), np.full(100, 0.99)])
    threshold = pooled_threshold(dev_y, dev_scores, np.zeros(5000))  # train negatives say "very clean"
    assert (dev_scores[dev_y == 0] >= threshold).sum() == 1


def test_out_of_fold_scores_are_the_calibrated_probabilities_of_held_out_rows(calibrated):
    fitted, split = calibrated
    member = fitted.calibrated_classifiers_[0]
    # the calibrator maps the fitted classifier's decision values to the pipeline's probabilities
    full = member.calibrators[0].predict(member.estimator.decision_function(split.X))
    np.testing.assert_allclose(full, fitted.predict_proba(split.X)[:, 1], atol=1e-9)
    held_out = out_of_fold_scores(fitted, split.X, split.y, calibration_folds(split))
    assert held_out.shape == (len(split.y),) and ((held_out >= 0) & (held_out <= 1)).all()
    assert np.abs(held_out - full).max() > 1e-6  # scored by other models than the fitted one


# -- saving and checked loading ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def saved(tmp_path_factory, calibrated):
    fitted, _ = calibrated
    names = feature_names()
    scorer = export_scorer(fitted, names, np.zeros(len(names)))
    pipeline = Pipeline([("features", DetectorFeatures().fit([])), ("classifier", fitted)])
    path = tmp_path_factory.mktemp("model") / "mine.joblib"
    save_model(path, scorer=scorer, pipeline=pipeline, threshold=0.7, metadata={"classifier": "test"})
    return path


def copy_model(source: Path, folder: Path) -> Path:
    target = folder / source.name
    shutil.copy(source, target)
    shutil.copy(metadata_path(source), metadata_path(target))
    return target


def test_save_then_load_round_trip(saved):
    record = json.loads(metadata_path(saved).read_text())
    for key in ("sha256", "feature_names", "threshold", "seoclean_version", "sklearn_version", "classifier"):
        assert key in record
    loaded = load_model(saved)
    assert loaded.threshold == 0.7 and list(loaded.feature_names) == feature_names()
    X = np.nan_to_num(synthetic_split(seed=2).X)
    np.testing.assert_allclose(
        loaded.predict_proba_features(X), loaded.pipeline["classifier"].predict_proba(X)[:, 1], atol=1e-12
    )


def test_a_tampered_model_is_refused(saved, tmp_path):
    path = copy_model(saved, tmp_path)
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF  # one flipped byte: the checksum no longer matches
    path.write_bytes(bytes(data))
    with pytest.raises(ModelError) as error:
        load_model(path)
    message = str(error.value)
    assert str(path) in message and "checksum" in message and "--trust-model" in message


def test_a_model_whose_checksum_does_not_match_loads_only_when_trusted(saved, tmp_path, caplog):
    path = copy_model(saved, tmp_path)
    record = json.loads(metadata_path(path).read_text())
    record["sha256"] = "0" * 64
    metadata_path(path).write_text(json.dumps(record))
    with pytest.raises(ModelError, match="Refusing to load"):
        load_model(path)
    with caplog.at_level(logging.WARNING, logger="seoclean.model"):
        assert load_model(path, trust=True).threshold == 0.7
    assert "trusted" in caplog.text


def test_a_model_without_metadata_is_refused_unless_trusted(saved, tmp_path):
    path = copy_model(saved, tmp_path)
    metadata_path(path).unlink()
    with pytest.raises(ModelError, match="no metadata file"):
        load_model(path)
    assert load_model(path, trust=True).threshold == 0.7


def test_metadata_that_disagrees_with_the_model_is_an_error(saved, tmp_path):
    path = copy_model(saved, tmp_path)
    record = json.loads(metadata_path(path).read_text())
    record["threshold"] = 0.1
    metadata_path(path).write_text(json.dumps(record))
    with pytest.raises(ModelError, match="threshold"):
        load_model(path)


def test_a_model_keeps_working_when_seoclean_adds_a_measure(saved, monkeypatch):
    # A model reads its measures by name: one added to a detector later is simply not used.
    import seoclean.analysis

    monkeypatch.setattr(seoclean.analysis, "feature_names", lambda: [*feature_names(), "comments__new_measure"])
    assert load_model(saved).threshold == 0.7


def test_a_model_that_needs_a_measure_no_longer_extracted_is_refused(saved, monkeypatch):
    import seoclean.analysis

    kept = [name for name in feature_names() if name != "stuffing__stuffed_phrases"]
    monkeypatch.setattr(seoclean.analysis, "feature_names", lambda: kept)
    with pytest.raises(ModelError, match=r"no longer extracts \(stuffing__stuffed_phrases\); retrain"):
        load_model(saved)


def test_a_missing_model_names_the_file_and_the_fix(tmp_path):
    with pytest.raises(ModelError, match="not found.*seoclean train"):
        load_model(tmp_path / "nothing.joblib")


def test_a_damaged_default_model_says_how_to_restore_it(tmp_path, monkeypatch):
    path = copy_model(model_module.default_model_path(), tmp_path)
    path.write_bytes(path.read_bytes() + b"\0")
    monkeypatch.setattr(model_module, "default_model_path", lambda: path)
    with pytest.raises(ModelError, match="git checkout models/"):
        load_model()


# -- the shipped default model -------------------------------------------------------------------
@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.mark.parametrize(
    ("name", "label"), [("spam-article.md", "spam"), ("spam-page.html", "spam"), ("clean-article.md", "ok")]
)
def test_the_default_model_scores_the_bundled_examples(analyzer, name, label):
    report = analyzer.analyze(EXAMPLES / name)
    assert 0.0 <= report.score <= 1.0
    assert report.label == label
    assert report.reasons and all(isinstance(reason, str) and reason for reason in report.reasons)


def test_spam_reasons_name_rules_and_measures(analyzer):
    reasons = analyzer.analyze(EXAMPLES / "spam-article.md").reasons
    assert any("(SEO" in reason for reason in reasons)
    assert any("__" in reason and "typical clean page" in reason for reason in reasons)


def test_the_shipped_scorer_matches_its_scikit_learn_pipeline(analyzer):
    model = analyzer.model
    reports = [analyzer.analyze(EXAMPLES / name) for name in ("spam-article.md", "clean-article.md")]
    X = np.array([[r.features[n] for n in model.feature_names] for r in reports])
    np.testing.assert_allclose(
        model.predict_proba_features(X),
        model.pipeline.predict_proba(
            [(EXAMPLES / n).read_text(encoding="utf-8") for n in ("spam-article.md", "clean-article.md")]
        )[:, 1],
        atol=1e-9,
    )


def test_no_model_means_no_verdict_and_unsupported_language_gets_none():
    raw = Analyzer(model=None).analyze(EXAMPLES / "spam-article.md")
    assert raw.score is None and raw.label is None and raw.findings
    german = seoclean.analyze("Die Stadt liegt am Ufer des Flusses und hat eine lange Geschichte. " * 5)
    assert german.status == "unsupported-language" and german.score is None and german.label is None


def test_load_model_is_part_of_the_public_api():
    assert seoclean.load_model is load_model


DOORWAY_PAGE = """# Emergency Plumber Leeds

Looking for an emergency plumber Leeds residents trust? Our emergency plumber Leeds team is ready.

## Why choose our emergency plumber Leeds service

Every emergency plumber Leeds call is answered within the hour, day or night.

## Emergency plumber Leeds prices

Fair prices are what make us the emergency plumber Leeds families recommend.

## Book an emergency plumber Leeds visit

Call now to book the emergency plumber Leeds homeowners rely on.
"""


def test_training_leaves_out_only_clean_rows_beyond_the_honest_keyword_range():
    from seoclean.training import beyond_honest_range, fitted_rows

    names = list(feature_names())
    analyzer = Analyzer(model=None)
    doorway = [analyzer.analyze(DOORWAY_PAGE, format="markdown").features[n] for n in names]
    article = [analyzer.analyze(EXAMPLES / "clean-article.md").features[n] for n in names]
    rows = [{"label": 0, "source_id": "a"}, {"label": 1, "source_id": "b"}, {"label": 0, "source_id": "c"}]
    split = Split(rows, np.array([doorway, doorway, article]))

    assert beyond_honest_range(split, names).tolist() == [True, False, False]
    kept = fitted_rows(split, names, log=lambda _: None)
    assert [row["source_id"] for row in kept.rows] == ["b", "c"]
    assert kept.X.shape == (2, len(names))


def test_training_leaves_out_rows_the_analyzer_refused_and_says_which():
    from seoclean.features import DetectorFeatures
    from seoclean.training import readable_rows

    documents = [
        {"id": "article#0", "text": (EXAMPLES / "clean-article.md").read_text(), "format": "markdown"},
        {
            "id": "names#0",
            "text": "Jürgen Müller, Anaïs Dubois, Łukasz Wiśniewski, Søren Kierkegaard",
            "format": "text",
        },
    ]
    X = DetectorFeatures().fit(documents).transform(documents)
    messages = []

    rows, kept = readable_rows(documents, X, log=messages.append)

    assert [row["id"] for row in rows] == ["article#0"]
    assert kept.shape == (1, X.shape[1]) and np.isfinite(kept).all()
    assert messages == ["left out 1 row(s) the analyzer could not read (empty or not English): names#0"]


def test_shipped_threshold_also_holds_the_bound_on_dev_negatives_alone():
    from seoclean.threshold import pick_threshold, shipped_threshold

    rng = np.random.default_rng(3)
    dev_y = np.array([0] * 400 + [1] * 400)
    dev_scores = np.concatenate([rng.uniform(0.0, 0.6, 398), [0.88, 0.91], rng.uniform(0.9, 1.0, 400)])
    # Thousands of train negatives scored very clean pull the pooled rule below dev's two high clean rows.
    train_negatives = rng.uniform(0.0, 0.3, 5000)
    pooled = pooled_threshold(dev_y, dev_scores, train_negatives)
    shipped = shipped_threshold(dev_y, dev_scores, train_negatives)
    assert pooled < 0.88 < shipped == pick_threshold(dev_y, dev_scores)
    assert not (dev_scores[:400] >= shipped).any()
    # Where the pooled rows are the stricter ones, they decide.
    noisy_train = np.concatenate([rng.uniform(0.0, 0.3, 4900), rng.uniform(0.93, 0.97, 100)])
    assert shipped_threshold(dev_y, dev_scores, noisy_train) == pooled_threshold(dev_y, dev_scores, noisy_train)
