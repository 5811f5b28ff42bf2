"""The spaCy component, used the way users use it: ``spacy.blank("en")`` + ``nlp.add_pipe("seoclean")``."""

from __future__ import annotations

import pickle
import subprocess
import sys
import textwrap

import pytest

spacy = pytest.importorskip("spacy")

STUFFED = (
    "Best cheap car insurance. Looking for best cheap car insurance? Our best cheap car insurance is the best "
    "cheap car insurance for anyone who needs best cheap car insurance today. Compare best cheap car insurance "
    "quotes and get best cheap car insurance now, because best cheap car insurance matters. Best cheap car "
    "insurance, best cheap car insurance, best cheap car insurance online.\n\n"
    "Why choose our best cheap car insurance? Because best cheap car insurance from us is the best cheap car "
    "insurance deal. Call today for best cheap car insurance and save on best cheap car insurance."
)
SPUN = (
    "Lower back pain is one of the most common reasons people see a doctor. Most deeper back pain goes away "
    "on its own within a few weeks, but gloomier back pain that lasts longer needs a {great|good|nice} plan. "
    "Wear shoes that support your feet, and remember that rest helps the muscles recover."
)
CLEAN = (
    "Our town library reopened this spring after a long renovation. The reading room now has large windows, "
    "new shelves and quiet corners where students can work in the afternoon. Volunteers run a homework club on "
    "Tuesdays, and the children's section hosts a story hour every Saturday morning."
)
GERMAN = (
    "Im Frühling öffnet der kleine Gemüsegarten hinter dem Rathaus wieder seine Tore. Die Nachbarn treffen sich "
    "jeden Samstagmorgen, um gemeinsam Beete anzulegen, Kompost zu wenden und junge Pflanzen zu gießen."
)


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("en")
    pipeline.add_pipe("seoclean")
    return pipeline


def assert_spans_match_findings(doc) -> None:
    """Every finding has a span with its rule as label, covering exactly its offsets in ``doc.text``."""
    group = doc.spans["seoclean"]
    findings = doc._.seoclean_findings
    assert len(group) == len(findings)
    for span, finding in zip(group, findings):
        assert span.label_ == finding["rule"]
        assert doc.text[finding["start"] : finding["end"]] == finding["text"]
        # "expand" alignment: the span is the finding widened to whole tokens.
        assert span.start_char <= finding["start"] < finding["end"] <= span.end_char
        assert finding["text"] in span.text


def test_add_pipe_works_without_importing_seoclean():
    # A fresh interpreter: only the spacy_factories entry point can make "seoclean" known to spaCy.
    script = textwrap.dedent(
        f"""
        import spacy
        nlp = spacy.blank("en")
        nlp.add_pipe("seoclean")
        doc = nlp({STUFFED!r})
        assert doc._.seoclean_status == "ok", doc._.seoclean_status
        assert len(doc.spans["seoclean"]) > 0
        print(sorted({{span.label_ for span in doc.spans["seoclean"]}}))
        """
    )
    completed = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    assert "SEO1" in completed.stdout


def test_stuffed_doc_gets_spans_at_the_right_offsets(nlp):
    doc = nlp(STUFFED)
    assert doc._.seoclean_status == "ok"
    assert_spans_match_findings(doc)
    labels = {span.label_ for span in doc.spans["seoclean"]}
    assert any(label.startswith("SEO1") for label in labels), labels
    assert any("cheap car insurance" in span.text.lower() for span in doc.spans["seoclean"])
    assert doc._.seoclean_features
    assert all(isinstance(value, float) for value in doc._.seoclean_features.values())
    assert 0.5 < doc._.seoclean_score <= 1.0  # the default classifier calls it more likely spam than not


def test_spun_doc_gets_spans_at_the_right_offsets(nlp):
    doc = nlp(SPUN)
    assert_spans_match_findings(doc)
    spans = {(span.label_, span.text, span.start_char) for span in doc.spans["seoclean"]}
    assert ("SEO205", "{great|good|nice}", SPUN.index("{great")) in spans
    assert any(label.startswith("SEO2") and text in {"deeper", "gloomier"} for label, text, _ in spans), spans


def test_findings_are_plain_dicts(nlp):
    finding = nlp(STUFFED)._.seoclean_findings[0]
    assert isinstance(finding, dict)
    assert {"rule", "start", "end", "text", "message", "severity"} <= set(finding)


def test_windows_line_breaks_keep_offsets_into_doc_text(nlp):
    # The loader turns "\r\n" into "\n"; the component must map offsets back into doc.text.
    doc = nlp(STUFFED.replace("\n", "\r\n").replace(". ", ".\r\n"))
    assert doc._.seoclean_findings
    assert_spans_match_findings(doc)


@pytest.mark.parametrize("text", ["", "   \n  "], ids=["empty", "whitespace"])
def test_empty_doc_gets_an_empty_group(nlp, text):
    doc = nlp(text)
    assert len(doc.spans["seoclean"]) == 0
    assert doc._.seoclean_findings == []
    assert doc._.seoclean_features == {}
    assert doc._.seoclean_status == "error"


def test_non_english_doc_gets_an_empty_group(nlp):
    doc = nlp(GERMAN)
    assert doc._.seoclean_status == "unsupported-language"
    assert len(doc.spans["seoclean"]) == 0
    assert doc._.seoclean_findings == []


def test_a_doc_that_names_a_file_is_analysed_as_text(nlp, tmp_path):
    # Analyzer.analyze would open an existing path; inside a pipeline, doc.text is always the text.
    page = tmp_path / "page.txt"
    page.write_text(STUFFED, encoding="utf-8")
    doc = nlp(str(page))
    assert doc._.seoclean_findings == []


def test_settings_reach_the_analyzer():
    pipeline = spacy.blank("en")
    component = pipeline.add_pipe("seoclean", config={"keyphrase": "car insurance", "max_bytes": 100})
    assert component.analyzer.keyphrase == "car insurance"
    doc = pipeline(STUFFED)  # over 100 bytes
    assert doc._.seoclean_status == "error"
    assert len(doc.spans["seoclean"]) == 0


def test_component_pickles_without_its_analyzer(nlp):
    component = nlp.get_pipe("seoclean")
    _ = component.analyzer  # built: the pickle must not carry it
    clone = pickle.loads(pickle.dumps(component))
    assert clone._analyzer is None
    assert clone.settings() == component.settings()


def test_extensions_survive_doc_serialisation(nlp):
    # nlp.pipe(n_process>1) ships docs back from workers with Doc.to_bytes.
    doc = nlp(STUFFED)
    restored = spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert restored._.seoclean_findings == doc._.seoclean_findings
    assert restored._.seoclean_features == doc._.seoclean_features
    assert [(s.start_char, s.end_char, s.label_) for s in restored.spans["seoclean"]] == [
        (s.start_char, s.end_char, s.label_) for s in doc.spans["seoclean"]
    ]


def summary(doc) -> tuple:
    return doc._.seoclean_status, [(s.start_char, s.end_char, s.label_) for s in doc.spans["seoclean"]]


def test_pipe_with_two_processes_matches_one(nlp):
    texts = [STUFFED, CLEAN, "", GERMAN, STUFFED.upper(), CLEAN]
    serial = [summary(doc) for doc in nlp.pipe(texts, batch_size=2)]
    parallel = [summary(doc) for doc in nlp.pipe(texts, n_process=2, batch_size=2)]
    assert parallel == serial
    assert serial[0][1]  # the stuffed doc has spans


def test_pipe_with_two_processes_under_spawn():
    # spawn (the default on macOS and Windows) pickles the pipeline into fresh interpreters.
    script = textwrap.dedent(
        f"""
        import multiprocessing
        import spacy

        if __name__ == "__main__":
            multiprocessing.set_start_method("spawn")
            nlp = spacy.blank("en")
            nlp.add_pipe("seoclean")
            docs = list(nlp.pipe([{STUFFED!r}, {CLEAN!r}, ""], n_process=2, batch_size=1))
            assert [d._.seoclean_status for d in docs] == ["ok", "ok", "error"]
            assert len(docs[0].spans["seoclean"]) > 0
            print("spawn ok")
        """
    )
    completed = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr
    assert "spawn ok" in completed.stdout


def test_to_disk_and_spacy_load_round_trip(tmp_path):
    pipeline = spacy.blank("en")
    pipeline.add_pipe("seoclean", config={"keyphrase": "car insurance", "spans_key": "spam"})
    pipeline.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["seoclean"]
    component = loaded.get_pipe("seoclean")
    assert component.settings() == pipeline.get_pipe("seoclean").settings()
    doc = loaded(STUFFED)
    assert len(doc.spans["spam"]) > 0
