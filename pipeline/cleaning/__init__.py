"""The cleaning stage: decoded text -> article text with the paragraph contract, kind and title.

Rules live in boilerplate.json and kinds.json beside this file. Every removed line is recorded
(`CleanResult.removed`, stored in documents.removed) so a user can check that the cleaner never
eats article text.
"""

from pipeline.cleaning.cleaner import CleanResult, clean
from pipeline.cleaning.kinds import detect_kind, detect_title

__all__ = ["CleanResult", "clean", "detect_kind", "detect_title"]
