"""The ``dataset`` mode of ``spin_eval.py``: the spin detector against the gold spin spans of
``datasets/seoclean-v1.jsonl.gz``.

Findings are aligned with the gold spans by ``spin_gold`` (HTML rows through the source map).

Reported on one split (dev by default; tune on train/dev only, look at test once at the end):

- recall: share of gold spin spans overlapped by a spin finding;
- exact: share of gold spans restored exactly: a finding with the same span whose suggestion
  equals the original (case-insensitive), at any confidence and at ``--min-confidence``;
- precision: share of spin findings in rows with spin spans that overlap a gold spin span;
- clean rows: spin findings per 1,000 words on the split's label-0 rows;
- calibration (``--calibration``): by confidence bucket, the share of findings whose suggestion
  is the exact original.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spin_gold import SourceOffsets, overlapping, restores, spin_spans

from seoclean.corpus import load_dataset
from seoclean.detectors.spin import SpinDetector
from seoclean.ingest import load_text

SPIN_RULES = ("SEO201", "SEO202", "SEO203", "SEO204", "SEO205", "SEO206")
BUCKETS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


@dataclass
class Tally:
    gold: int = 0
    flagged: int = 0
    exact: int = 0
    exact_confident: int = 0
    findings: int = 0
    true_findings: int = 0
    spam_words: int = 0
    clean_words: int = 0
    clean_findings: int = 0
    by_detail: Counter = field(default_factory=Counter)
    flagged_by_detail: Counter = field(default_factory=Counter)
    exact_by_detail: Counter = field(default_factory=Counter)
    by_rule: Counter = field(default_factory=Counter)
    true_by_rule: Counter = field(default_factory=Counter)
    clean_by_rule: Counter = field(default_factory=Counter)
    # confidence bucket -> [findings with a suggestion, exact suggestions]
    calibration: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))


def evaluate(split: str, min_confidence: float, detector: SpinDetector | None = None, show: int = 0) -> Tally:
    detector = detector or SpinDetector()
    tally = Tally()
    shown = 0
    for example in load_dataset(split):
        gold = spin_spans(example)
        if example.label == 1 and not gold:
            continue
        doc = load_text(example.text, format=example.format)
        findings = [f for f in detector.run(doc).findings if f.rule in SPIN_RULES]
        if example.label == 0:
            tally.clean_words += doc.word_count
            tally.clean_findings += len(findings)
            tally.clean_by_rule.update(f.rule for f in findings)
            continue
        tally.spam_words += doc.word_count
        offsets = SourceOffsets(example, doc)
        spans = [offsets.span(f.start, f.end) for f in findings]
        for f, (start, end) in zip(findings, spans):
            tally.findings += 1
            tally.by_rule[f.rule] += 1
            match = overlapping(gold, start, end)
            tally.true_findings += match is not None
            tally.true_by_rule[f.rule] += match is not None
            if f.suggestion is not None:
                exact = match is not None and restores(match, start, end, f.suggestion)
                bucket = max(b for b in BUCKETS if b <= f.evidence.get("confidence", 0.0))
                tally.calibration[bucket][0] += 1
                tally.calibration[bucket][1] += exact
            if show and shown < show and (match is None or not restores(match, start, end, f.suggestion)):
                shown += 1
                context = example.text[max(0, start - 50) : end + 50].replace("\n", " ")
                gold_text = f"{match.text!r}->{match.original!r}" if match else "-"
                print(f"  {f.rule} {f.text!r}->{f.suggestion!r} gold {gold_text} | {context}")
        for g in gold:
            tally.gold += 1
            tally.by_detail[g.detail] += 1
            hits = [(f, s) for f, s in zip(findings, spans) if s[0] < g.end and g.start < s[1]]
            exact = [f for f, (start, end) in hits if restores(g, start, end, f.suggestion)]
            tally.flagged += bool(hits)
            tally.flagged_by_detail[g.detail] += bool(hits)
            tally.exact += bool(exact)
            tally.exact_by_detail[g.detail] += bool(exact)
            tally.exact_confident += any(f.evidence.get("confidence", 0.0) >= min_confidence for f in exact)
    return tally


def report(tally: Tally, split: str, min_confidence: float, calibration: bool) -> None:
    t = tally
    print(f"split {split}: {t.gold} gold spin spans in {t.spam_words:,} words of spun rows")
    print(
        f"  recall {t.flagged / max(t.gold, 1):.1%}, exact {t.exact / max(t.gold, 1):.1%} "
        f"(at confidence >= {min_confidence}: {t.exact_confident / max(t.gold, 1):.1%}), "
        f"precision {t.true_findings / max(t.findings, 1):.1%} of {t.findings} findings"
    )
    for detail, count in sorted(t.by_detail.items(), key=lambda kv: -kv[1]):
        print(
            f"    {detail or '-'}: {count} spans, recall {t.flagged_by_detail[detail] / count:.1%}, "
            f"exact {t.exact_by_detail[detail] / count:.1%}"
        )
    for rule, count in sorted(t.by_rule.items()):
        print(f"    {rule}: {count} findings, precision {t.true_by_rule[rule] / count:.1%}")
    rate = t.clean_findings / max(t.clean_words, 1) * 1000
    print(f"  clean rows: {t.clean_findings} findings in {t.clean_words:,} words = {rate:.3f} per 1,000 words")
    for rule, count in sorted(t.clean_by_rule.items()):
        print(f"    {rule}: {count}")
    if calibration:
        print("  calibration (confidence bucket: findings with a suggestion, share exact)")
        for bucket in sorted(t.calibration):
            count, exact = t.calibration[bucket]
            print(f"    >= {bucket:.2f}: {count}, {exact / max(count, 1):.1%}")
