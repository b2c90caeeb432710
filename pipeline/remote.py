"""Tables on a remote filesystem (s3://, gs://, abfs://, hdfs://, file://) through pyarrow.fs.

Object stores have neither atomic renames nor file locks, which the store's commit protocol relies on. So
a run against a remote URI works on a local mirror of the tables and then publishes it:

- pull: when the remote manifest differs from the mirror's, the mirror is replaced by the remote tables
  (a fresh machine, or another machine published since), so incremental runs stay incremental;
- run: the ordinary local store (locks, atomic commits, crash recovery) on the mirror;
- push: new part files first, then `_manifest.parquet` (the commit point: one PUT, atomic on object
  stores), then the remote parts the mirror no longer has. A reader listing a table folder between the
  last two steps can see a superseded part beside its replacement; reading only the parts named in the
  manifest (`OutputStore.live_parts`) is exact at every moment.

Only one machine may publish to a URI at a time: object stores give us no lock to enforce it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pyarrow.fs as pafs

from pipeline.store import JOURNAL, LOCK, MANIFEST

_SKIP = {LOCK}


def is_remote(output: str) -> bool:
    """A URI with a scheme ('s3://bucket/x', 'file:///data/x'), not a plain local path."""
    scheme, sep, _ = str(output).partition("://")
    return bool(sep) and scheme.isidentifier()


def mirror_dir(uri: str) -> Path:
    """The local working copy for `uri`: $OFSTED_MIRROR_DIR or ~/.cache/ofsted-pipeline, one folder per URI."""
    base = Path(os.environ.get("OFSTED_MIRROR_DIR") or Path.home() / ".cache" / "ofsted-pipeline")
    return base / hashlib.sha256(uri.rstrip("/").encode()).hexdigest()[:16]


def _open(uri: str) -> tuple[pafs.FileSystem, str]:
    fs, path = pafs.FileSystem.from_uri(uri)
    return fs, path.rstrip("/")


def _remote_files(fs: pafs.FileSystem, root: str) -> dict[str, int]:
    """Relative path -> size of every file under root ({} when root does not exist)."""
    info = fs.get_file_info(root)
    if info.type == pafs.FileType.NotFound:
        return {}
    found = fs.get_file_info(pafs.FileSelector(root, recursive=True))
    return {f.path[len(root) + 1:]: f.size for f in found if f.type == pafs.FileType.File}


def _local_files(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): p.stat().st_size for p in root.rglob("*")
            if p.is_file() and p.name not in _SKIP and not p.name.startswith(".")}


def _read_bytes(fs: pafs.FileSystem, path: str) -> bytes | None:
    if fs.get_file_info(path).type != pafs.FileType.File:
        return None
    with fs.open_input_stream(path) as f:
        return f.read()


def pull(uri: str, local: Path) -> bool:
    """Make `local` (locked by the caller) a copy of the tables at `uri` unless it already is one.

    The manifest is removed first and copied last, so an interrupted pull leaves a mirror whose manifest
    differs from the remote one, and the next pull starts again. True when files were copied.
    """
    fs, root = _open(uri)
    remote_manifest = _read_bytes(fs, f"{root}/{MANIFEST}")
    if remote_manifest is None:
        return False  # nothing published yet: the mirror (possibly empty) is the truth
    mine = local / MANIFEST
    if mine.exists() and mine.read_bytes() == remote_manifest:
        return False
    mine.unlink(missing_ok=True)
    for rel in _local_files(local):
        (local / rel).unlink()
    for rel in _remote_files(fs, root):
        if rel == MANIFEST or rel.split("/")[-1] in _SKIP:
            continue
        dest = local / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        with fs.open_input_stream(f"{root}/{rel}") as src, open(dest, "wb") as out:
            shutil.copyfileobj(src, out, 1 << 20)
    tmp = local / f".{MANIFEST}.pulling"
    tmp.write_bytes(remote_manifest)
    os.replace(tmp, mine)
    return True


def push(local: Path, uri: str) -> dict[str, int]:
    """Publish the mirror: new parts, then the manifest, then deletions. Returns counts of each."""
    fs, root = _open(uri)
    fs.create_dir(root, recursive=True)
    mine, theirs = _local_files(local), _remote_files(fs, root)
    # Part files are immutable (unique names), so a part with the same name and size is already there.
    # The journal is the mirror's own commit record (folded into the manifest at the end of every run).
    mine = {rel: size for rel, size in mine.items() if not rel.startswith(JOURNAL + "/")}
    new = sorted(rel for rel, size in mine.items() if rel != MANIFEST and theirs.get(rel) != size)
    for parent in sorted({f"{root}/{rel}".rsplit("/", 1)[0] for rel in new}):  # each table folder once
        fs.create_dir(parent, recursive=True)
    for rel in new:
        _upload(local / rel, fs, f"{root}/{rel}")
    if MANIFEST in mine:
        _upload(local / MANIFEST, fs, f"{root}/{MANIFEST}")
    stale = sorted(rel for rel in theirs if rel not in mine and rel.split("/")[-1] not in _SKIP)
    for rel in stale:
        fs.delete_file(f"{root}/{rel}")
    return {"uploaded": len(new) + (MANIFEST in mine), "deleted": len(stale)}


def _upload(src: Path, fs: pafs.FileSystem, dest: str) -> None:
    with open(src, "rb") as f, fs.open_output_stream(dest) as out:
        shutil.copyfileobj(f, out, 1 << 20)
