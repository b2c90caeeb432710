"""The benchmark corpus generator: deterministic, realistic lengths, every slot filled."""

from __future__ import annotations

import collections

import pytest

from pipeline.bench import generate_corpus, make_document
from pipeline.bench.corpus import WORDS


def test_same_seed_same_corpus_and_prefix_stable(tmp_path):
    a = generate_corpus(tmp_path / "a", 30, seed=5)
    b = generate_corpus(tmp_path / "b", 10, seed=5)
    assert [p.read_text() for p in a[:10]] == [p.read_text() for p in b]
    c = generate_corpus(tmp_path / "c", 10, seed=6)
    assert [p.read_text() for p in c] != [p.read_text() for p in b]


def test_start_appends_new_documents(tmp_path):
    first = generate_corpus(tmp_path, 5, seed=1)
    more = generate_corpus(tmp_path, 3, seed=1, start=5)
    assert len({p.name for p in first + more}) == 8
    assert more[0].read_text() == make_document(1, 5)[1]


@pytest.fixture(scope="module")
def sample():
    return [make_document(3, i) for i in range(300)]


def test_every_kind_appears_with_realistic_length(sample):
    by_kind = collections.defaultdict(list)
    for kind, text in sample:
        by_kind[kind].append(len(text.split()))
    assert set(by_kind) == set(WORDS)
    for kind, lengths in by_kind.items():
        low, high = WORDS[kind]
        assert min(lengths) >= low * 0.9 and max(lengths) <= high * 1.1, (kind, min(lengths), max(lengths))


@pytest.mark.parametrize("index", range(0, 300, 37))
def test_text_contract_and_no_unfilled_slot(sample, index):
    kind, text = sample[index]
    assert "{" not in text and "}" not in text
    paragraphs = text.strip("\n").split("\n\n")
    assert all(p and "\n" not in p for p in paragraphs)
    if kind in ("news", "press_release"):
        assert any(q in text for q in ("outstanding", "good", "requires improvement", "inadequate"))


def test_varied_authorities_and_years(sample):
    import re

    years = {y for _, t in sample for y in re.findall(r"\b20[12]\d\b", t)}
    assert len(years) >= 8
    councils = {t.split("\n\n")[0] for k, t in sample if k == "report"}
    assert len(councils) >= 20


def test_stage_timing_covers_every_component(tmp_path):
    from pipeline.bench.__main__ import main
    from pipeline.bench.stages import markdown, stage_times
    from pipeline.nlp import shared_nlp

    generate_corpus(tmp_path, 12, seed=2)
    result = stage_times(tmp_path, repeats=1)
    assert result["documents"] == 12 and result["words"] > 5000
    assert list(result["stages_s"]) == ["read", "clean", "make_doc", *shared_nlp().pipe_names, "rows"]
    assert result["total_s"] == pytest.approx(sum(result["stages_s"].values()))
    assert "| ofsted_ratings |" in markdown(result)
    assert main(["stages", "--raw", str(tmp_path), "--repeats", "1", "--json"]) == 0


def test_cpu_by_process_counts_children():
    """CPU accounting sees a busy child process as a worker and this process as the flow's."""
    import subprocess
    import sys

    from pipeline.bench.run import CpuByProcess

    with CpuByProcess(interval=0.05) as cpu:
        subprocess.run([sys.executable, "-c", "import time\nt=time.process_time()\nwhile time.process_time()-t<0.6: pass\n"
                        "time.sleep(0.2)"], check=True)
        sum(i * i for i in range(2_000_000))  # some work here too
    seconds = cpu.seconds()
    assert seconds["workers"] >= 0.4  # the child's 0.6 s, less what fell between samples
    assert seconds["flow process"] > 0.05
    assert seconds["Prefect server"] >= 0.0  # a session's Prefect server may be a child of this process too


def test_store_benchmark_commits_everything_and_reports_checkpoints(tmp_path):
    import pandas as pd

    from pipeline.bench.store import markdown, store_costs

    result = store_costs(1000, batch=100, out=tmp_path)
    assert result["commits"] == 10
    assert [p["inputs"] for p in result["checkpoints"]] == [200, 400, 600, 800, 1000]
    assert len(pd.read_parquet(tmp_path / "documents.parquet")) == 1000
    assert "| 1,000 |" in markdown(result)


def test_component_subset_from_environment(monkeypatch):
    """The benchmark's no-extractor baseline: PIPELINE_COMPONENTS picks components in pipeline order, a typo
    fails loudly, and the version stamp says the rows come from a partial pipeline."""
    from pipeline import version
    from pipeline.nlp import COMPONENTS_ENV, build_nlp, selected_components

    full = version.pipeline_version.__wrapped__()
    monkeypatch.setenv(COMPONENTS_ENV, "ofsted_dates, paragraph_sentencizer")
    assert selected_components() == ("paragraph_sentencizer", "ofsted_dates")
    nlp = build_nlp(selected_components())
    assert nlp.pipe_names == ["paragraph_sentencizer", "ofsted_dates"]
    doc = nlp("Ofsted rated Camden council good in March 2024.")
    from pipeline.extensions import get_list

    assert [d["value"] for d in get_list(doc, "date_mentions")] == ["2024-03"]
    assert get_list(doc, "ratings") == []
    partial = version.pipeline_version.__wrapped__()
    assert partial.startswith(full) and partial.endswith("+only.paragraph_sentencizer.ofsted_dates")
    monkeypatch.setenv(COMPONENTS_ENV, "ofsted_ratngs")
    with pytest.raises(ValueError, match="ofsted_ratngs"):
        selected_components()
    monkeypatch.delenv(COMPONENTS_ENV)
    assert selected_components() is None and version.pipeline_version.__wrapped__() == full
