"""Vietnamese official directives → structured, source-grounded records (see CONTRACT.md)."""
from __future__ import annotations

import hashlib
from pathlib import Path

__version__ = "0.1.0"


_NOT_EXTRACTION = {"__pycache__", "export", "cli.py", "cluster.py", "__main__.py"}


def _code_digest() -> str:
    # Records are keyed by input hash and pipeline version; the version includes a digest of
    # the code and language data, so any change to extraction redoes the documents it affects.
    digest = hashlib.sha256()
    root = Path(__file__).parent
    for path in sorted(root.rglob("*")):
        # The export package only formats finished records, and the command line and the cluster
        # client only decide where documents run: changing them redoes no extraction.
        parts = set(path.relative_to(root).parts)
        if path.suffix in (".py", ".yaml", ".tsv", ".json") and not _NOT_EXTRACTION & parts:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


VERSION = f"{__version__}+{_code_digest()}"
