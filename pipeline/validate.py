"""Cross-field checks on a finished Doc → warnings. Never raises, never changes a finding."""
from __future__ import annotations

from pipeline.core.doc import Doc


def check(doc: Doc) -> list[str]:
    warnings = []
    n = len(doc.text)
    spans = [r.span for r in doc.references + doc.targets + doc.deadlines + doc.tasks]
    spans += [s for b in doc.bodies for s in b.spans]
    bad = [s for s in spans if not (0 <= s[0] <= s[1] <= n)]
    if bad:
        warnings.append(f"{len(bad)} span(s) fall outside the text")
    info = doc.document
    if info.issued_date and info.issued_date > "2100":
        warnings.append(f"issued date {info.issued_date} is implausible")
    return warnings
