"""Rule-based spaCy components. Each lives in its own sub-package with its data files beside it.

Importing this package registers every factory with spaCy.
"""

from pipeline.components import sentences  # noqa: F401

# Extractors register themselves on import; each is optional until its module exists.
for _name in ("dates", "authorities", "ratings", "quotes"):
    try:
        __import__(f"pipeline.components.{_name}")
    except ModuleNotFoundError as exc:  # pragma: no cover - only while a component is missing
        if exc.name != f"pipeline.components.{_name}":
            raise
