"""Doc extension attributes: the one contract between the stages and the extractor components.

Every extractor writes plain Python data (dicts, str, int) so that Docs survive pickling and
multiprocessing; `pipeline.rows` turns them into table rows.

- doc._.doc_id        str   stable id of the document (set before the pipeline runs)
- doc._.source        str   path relative to the raw folder
- doc._.kind          str   news | ofsted_report | ofsted_letter | press_release | council_minutes | other
- doc._.title         str|None
- doc._.published     str|None  ISO date (YYYY-MM-DD) of the document itself; set by the reader/cleaner
                      when the format carries it, else filled by the dates component
- doc._.date_mentions list[dict]  {text, value, granularity, start, end}  (the dates table, minus doc_id)
- doc._.authority_mentions list[dict]  {code, name, type, start, end}  every accepted reference, in text order
- doc._.authorities   list[dict]  {authority_code, authority_name, mentions, first_start, is_primary}
- doc._.ratings       list[dict]  {authority_code, authority_name, judgement, grade, timing,
                                   inspection_year, evidence, start, end}
- doc._.quotes        list[dict]  {text, speaker, speaker_type, speaker_role, cue, start, end}
All start/end values are character offsets into doc.text.
"""

from spacy.tokens import Doc

_DEFAULTS = {
    "doc_id": None,
    "source": None,
    "kind": None,
    "title": None,
    "published": None,
}
_LISTS = ("date_mentions", "authority_mentions", "authorities", "ratings", "quotes")


def register() -> None:
    """Register every extension once (idempotent: spaCy allows force=True re-registration)."""
    for name, default in _DEFAULTS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in _LISTS:
        if not Doc.has_extension(name):
            # A getter-free list default would be shared between Docs; store per-doc via user_data.
            Doc.set_extension(name, default=None)


def get_list(doc: Doc, name: str) -> list:
    """Return the list stored under `doc._.<name>`, creating it on first use."""
    value = doc._.get(name)
    if value is None:
        value = []
        doc._.set(name, value)
    return value


register()
