"""The authorities gazetteer: children's services authorities and the names they go by, read from the data files
beside this module (authorities.csv, aliases.csv, extra_aliases.csv, districts.csv, not_authorities.txt).

Other components use `load_gazetteer()` (cached, one per process), `short_names()` (code -> short name) and
`lookup(name, date)` (candidates for a name, the one valid at the date first).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent
KINDS = ("name", "ambiguous", "strict", "block")
# Council words: a name that holds one of these is unambiguous by itself ("Reading Borough Council").
_COUNCIL_WORDS = re.compile(r"\b(council|borough|corporation|county of|city of)\b", re.IGNORECASE)
# Multi-word place names are also written with hyphens ("Kingston-upon-Thames", "Stoke on Trent").
_LINKS = ("upon", "on", "under", "le", "with", "in")


@dataclass(frozen=True)
class Authority:
    code: str
    short_name: str
    official_name: str
    type: str
    region: str
    status: str
    valid_from: str  # ISO date or ""
    valid_to: str
    successors: tuple[str, ...]
    predecessors: tuple[str, ...]

    def valid_at(self, date: str | None) -> bool:
        """Did the authority exist at `date` (ISO, any precision)? No date: is it current?"""
        if not date:
            return self.status == "active"
        return (not self.valid_from or date >= self.valid_from[:len(date)]) and \
            (not self.valid_to or date <= self.valid_to[:len(date)])


@dataclass(frozen=True)
class Alias:
    text: str       # as written in the data file (leading "the" removed)
    code: str
    kind: str       # name | ambiguous | strict | block
    council: bool   # holds a council word: unambiguous by itself


@dataclass
class Gazetteer:
    authorities: dict[str, Authority]
    aliases: dict[str, list[Alias]]           # lower-case name -> aliases (several codes for reorganised areas)
    districts: dict[str, tuple[str, str]] = field(default_factory=dict)  # lower name -> (ltla code, utla code)
    not_authorities: list[str] = field(default_factory=list)

    def short_names(self) -> dict[str, str]:
        return {c: a.short_name for c, a in self.authorities.items()}

    def current(self) -> list[Authority]:
        return [a for a in self.authorities.values() if a.status == "active"]

    def resolve(self, aliases: list[Alias], date: str | None) -> Alias | None:
        """The alias whose authority was valid at `date` (else the current one, else the first)."""
        usable = [a for a in aliases if a.kind != "block"]
        if not usable:
            return None
        if len(usable) == 1:
            return usable[0]
        for a in usable:
            if self.authorities[a.code].valid_at(date):
                return a
        for a in usable:
            if self.authorities[a.code].status == "active":
                return a
        return usable[0]

    def lookup(self, name: str, date: str | None = None) -> list[dict]:
        """Candidate authorities for a name (any case, hyphens or spaces, leading "the", possessive), the one
        valid at `date` (ISO) first. Empty for unknown names and blocked ones."""
        key = _key(name)
        if key.endswith(("'s", "’s")):
            key = key[:-2]
        found = [a for a in self.aliases.get(key, []) if a.kind != "block"]
        best = self.resolve(found, date)
        found.sort(key=lambda a: a is not best)
        out = []
        for a in found:
            auth = self.authorities[a.code]
            out.append({"code": a.code, "short_name": auth.short_name, "official_name": auth.official_name,
                        "status": auth.status, "valid_from": auth.valid_from or None,
                        "valid_to": auth.valid_to or None, "kind": a.kind})
        return out


def _key(name: str) -> str:
    name = " ".join(name.replace("-", " ").split()).lower()
    return name[4:] if name.startswith("the ") else name


def _rows(name: str) -> list[dict]:
    with open(DATA / name, newline="", encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines))


def _variants(name: str) -> set[str]:
    """The name, its hyphenated / spaced forms and without a leading 'the'."""
    name = " ".join(name.split())
    if name.lower().startswith("the "):
        name = name[4:]
    out = {name}
    spaced = name.replace("-", " ")
    out.add(spaced)
    words = spaced.split()
    if any(w.lower() in _LINKS for w in words[1:-1]):
        # hyphenate only around the linking word: "Kingston upon Thames" -> "Kingston-upon-Thames"
        for i, w in enumerate(words[1:-1], start=1):
            if w.lower() in _LINKS:
                out.add(" ".join(words[:i - 1] + ["-".join(words[i - 1:i + 2])] + words[i + 2:]))
    return out


def read_list(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Read the data files once per process."""
    auths = {}
    for r in _rows("authorities.csv"):
        auths[r["code"]] = Authority(
            code=r["code"], short_name=r["short_name"], official_name=r["official_name"], type=r["type"],
            region=r["region"], status=r["status"], valid_from=r["valid_from"], valid_to=r["valid_to"],
            successors=tuple(c for c in r["successors"].split(";") if c),
            predecessors=tuple(c for c in r["predecessors"].split(";") if c))
    entries: dict[tuple[str, str], Alias] = {}  # (lower variant, code) -> alias

    def add(text: str, code: str, kind: str) -> None:
        if code not in auths:
            raise ValueError(f"unknown authority code {code!r} for name {text!r}")
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r} for name {text!r} (one of {KINDS})")
        for v in _variants(text):
            entries[(v.lower(), code)] = Alias(v, code, kind, bool(_COUNCIL_WORDS.search(v)))

    for a in auths.values():
        add(a.short_name, a.code, "name")
    for r in _rows("aliases.csv"):
        add(r["alias"], r["code"], "name")
    for r in _rows("extra_aliases.csv"):  # last: its kinds override
        add(r["alias"], r["code"], (r.get("kind") or "name").strip())
    aliases: dict[str, list[Alias]] = {}
    for (low, _code), alias in entries.items():
        aliases.setdefault(low, []).append(alias)
    districts = {}
    for r in _rows("districts.csv"):
        for v in _variants(r["ltla_name"]):
            if v.lower() not in aliases:
                districts[v.lower()] = (r["ltla_code"], r["utla_code"])
    return Gazetteer(auths, aliases, districts, read_list("not_authorities.txt"))


def short_names() -> dict[str, str]:
    """GSS code -> short name (the name the gold and the tables use), active and abolished authorities."""
    return load_gazetteer().short_names()


def lookup(name: str, date: str | None = None) -> list[dict]:
    """Candidate authorities for a name, the one valid at `date` first (see Gazetteer.lookup)."""
    return load_gazetteer().lookup(name, date)
