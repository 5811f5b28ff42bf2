"""The document -> feature-matrix transformer follows scikit-learn's estimator conventions.

scikit-learn's full estimator check suite feeds numeric arrays, which a transformer of documents
cannot take; the checks that do not need data are run as they are, and the others (fit returns
self, not-fitted errors, stable output names, cloning, pickling) are written out here.
"""

import pickle
from pathlib import Path

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.utils.estimator_checks import (
    check_get_params_invariance,
    check_no_attributes_set_in_init,
    check_parameters_default_constructible,
    check_set_params,
)

from seoclean.analysis import feature_names
from seoclean.features import DetectorFeatures
from seoclean.ingest import load_text

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
GERMAN = (
    "Die Stadt liegt am Ufer des Flusses und hat eine lange Geschichte. Im Sommer kommen viele "
    "Besucher, um die alten Häuser, die Kirchen und die Märkte zu sehen. Die Menschen hier leben "
    "seit Jahrhunderten vom Handel und vom Fischfang, und sie erzählen gern davon."
)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [(EXAMPLES / name).read_text(encoding="utf-8") for name in ("clean-article.md", "spam-article.md")]


@pytest.fixture(scope="module")
def fitted() -> DetectorFeatures:
    return DetectorFeatures().fit([])


@pytest.mark.parametrize(
    "check",
    [check_no_attributes_set_in_init, check_get_params_invariance, check_set_params],
    ids=lambda check: check.__name__,
)
def test_scikit_learn_checks_that_need_no_data(check):
    check("DetectorFeatures", DetectorFeatures())


def test_parameters_have_defaults_and_are_only_stored():
    check_parameters_default_constructible("DetectorFeatures", DetectorFeatures())
    transformer = DetectorFeatures(keyphrase="olive oil", n_jobs=2)
    assert transformer.get_params() == {"keyphrase": "olive oil", "n_jobs": 2}
    assert clone(transformer).get_params() == transformer.get_params()


def test_fit_returns_self_and_transform_needs_fit(texts):
    transformer = DetectorFeatures()
    with pytest.raises(NotFittedError):
        transformer.transform(texts)
    with pytest.raises(NotFittedError):
        transformer.get_feature_names_out()
    assert transformer.fit(texts) is transformer


def test_feature_names_are_the_detectors_measures_and_stable(fitted):
    names = list(fitted.get_feature_names_out())
    assert names == feature_names() == list(DetectorFeatures().fit([]).get_feature_names_out())
    assert len(names) == len(set(names))
    detectors = {"stuffing", "spin", "boilerplate", "duplication", "coherence", "shape", "page", "comments"}
    assert all(name.split("__", 1)[0] in detectors and "__" in name for name in names)


def test_transform_gives_one_float_row_per_document_whatever_the_input_type(fitted, texts):
    rows = [{"text": texts[1], "format": "markdown"}]
    as_text = fitted.transform([texts[1]])
    as_row = fitted.transform(rows)
    as_document = fitted.transform([load_text(texts[1], format="markdown")])
    assert as_text.shape == (1, len(fitted.get_feature_names_out())) and as_text.dtype == float
    np.testing.assert_array_equal(as_text, as_row)
    np.testing.assert_array_equal(as_text, as_document)
    assert np.isfinite(as_text).all()


def test_spam_and_clean_examples_differ_where_the_detectors_say(fitted, texts):
    X = fitted.transform(texts)
    names = list(fitted.get_feature_names_out())
    stuffed = names.index("stuffing__stuffed_phrases")
    assert X[1, stuffed] > X[0, stuffed]


def test_documents_that_cannot_be_analysed_get_a_row_of_nan(fitted):
    X = fitted.transform([GERMAN, ""])
    assert np.isnan(X).all()


def test_pickling_drops_the_analyser_and_the_copy_still_works(fitted, texts):
    fitted.transform(texts[:1])  # builds the analyser
    state = fitted.__getstate__()
    assert "_analyzer_cache" not in state
    copy = pickle.loads(pickle.dumps(fitted))
    np.testing.assert_array_equal(copy.transform(texts[:1]), fitted.transform(texts[:1]))


def test_works_as_the_first_step_of_a_pipeline(texts):
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    pipeline = Pipeline([("features", DetectorFeatures()), ("scale", StandardScaler())]).fit(texts)
    assert list(pipeline.get_feature_names_out()) == feature_names()
    assert pipeline.transform(texts).shape == (2, len(feature_names()))


def test_features_do_not_depend_on_string_hashing():
    """Sets iterate in hash order, which changes with PYTHONHASHSEED: no feature may depend on it.
    The dataset rows are ones where a tie between equally frequent topic words once did."""
    import os
    import subprocess
    import sys

    script = (
        "from seoclean.corpus import read_rows; from seoclean.features import DetectorFeatures; "
        "wanted = {'finance/008-what-is-a-dividend#3', 'finance/019-beginners-guide-to-etfs#4'}; "
        "rows = [r for r in read_rows() if r['id'] in wanted]; "
        "print(DetectorFeatures().fit([]).transform(rows).round(12).tolist())"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1


def test_every_measure_has_plain_words_for_the_verdict_reasons():
    # A reason reads "share of paragraphs holding the most repeated phrase high", never a
    # feature's code name: a new measure must come with its words in seoclean.reasons.
    from seoclean.analysis import feature_names
    from seoclean.reasons import FEATURE_WORDS

    names = feature_names()
    assert len(names) > 50
    assert [name for name in names if name not in FEATURE_WORDS] == []


def test_a_score_just_under_the_threshold_is_not_printed_equal_to_it():
    import numpy as np

    from seoclean.reasons import verdict_reasons

    empty = np.zeros(0)
    near = verdict_reasons([], empty, empty, empty, [], score=0.8873, threshold=0.8886)
    far = verdict_reasons([], empty, empty, empty, [], score=0.12, threshold=0.8886)
    assert near[0].startswith("score 0.887 is below the spam threshold 0.889")
    assert far[0].startswith("score 0.12 is below the spam threshold 0.89")
