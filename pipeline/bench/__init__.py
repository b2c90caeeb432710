"""Benchmarks and the synthetic corpus they run on: `python -m pipeline.bench generate|run|memory`."""

from pipeline.bench.corpus import generate_corpus, make_document

__all__ = ["generate_corpus", "make_document"]
