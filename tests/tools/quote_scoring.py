"""Score quote rows against expected quotes with the matching rules of pipeline.evaluate.

Shared by tests/test_quotes.py and tests/tools/compare_textacy.py so that both use the same rules:
normalised text match (case, whitespace, quote marks and outer punctuation ignored; 0.9 word overlap), and
the exact normalised speaker string on matched quotes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.evaluate import Score, _quote_match, norm_name, norm_quote


@dataclass
class QuoteScore(Score):
    """Detection counts (tp, fp, fn, f1 from evaluate.Score) plus speaker counts."""

    speaker_ok: int = 0
    type_ok: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.tp if self.tp else 1.0

    @property
    def end_to_end_f1(self) -> float:
        tp = self.speaker_ok
        wrong = self.tp - self.speaker_ok
        p = tp / (tp + self.fp + wrong) if tp + self.fp + wrong else 1.0
        r = tp / (tp + self.fn + wrong) if tp + self.fn + wrong else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0


def score_quotes(score: QuoteScore, pred: list[dict], gold: list[dict], optional: list[dict] = (), doc: str = ""):
    """Add one document's counts to `score`. pred/gold items have text, speaker, speaker_type."""
    preds = [(norm_quote(p["text"]), p) for p in pred]
    used: set[int] = set()
    for g in gold:
        gn = norm_quote(g["text"])
        hit = next((i for i, (n, _) in enumerate(preds) if i not in used and _quote_match(gn, n)), None)
        if hit is None:
            score.fn += 1
            score.errors.append(f"{doc}: missed [{g.get('speaker')}] {g['text'][:80]}")
            continue
        used.add(hit)
        p = preds[hit][1]
        score.tp += 1
        if norm_name(p.get("speaker")) == norm_name(g.get("speaker")):
            score.speaker_ok += 1
        else:
            score.errors.append(f"{doc}: speaker {p.get('speaker')!r} != {g.get('speaker')!r}: {g['text'][:60]}")
        score.type_ok += int(p.get("speaker_type") == g.get("speaker_type"))
    opt = [norm_quote(o["text"]) for o in optional]
    for i, (n, p) in enumerate(preds):
        if i in used or any(_quote_match(o, n) for o in opt):
            continue
        score.fp += 1
        score.errors.append(f"{doc}: extra [{p.get('speaker')}] {p['text'][:80]}")
    return score
