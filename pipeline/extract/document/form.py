"""The official form's lines as patterns (document_form.yaml): the date line, the number line, the
authority line over a signature, the trích yếu's prefix, the motto and the rule under it. Read by
the header (issuer, number, date) and the title (type, trích yếu)."""
from __future__ import annotations

import re
from functools import cache

from pipeline import resources
from pipeline.core.letters import UPPER

# A rule under the issuer's block is dashes, or in older copies asterisks ("********").
MOTTO = re.compile(r"CỘNG HÒA XÃ HỘI|CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–—]?\s*Tự do|Độc lập\s*[-–—]\s*Tự\b|^[-–—_=.*\s]+$",
                    re.IGNORECASE)


@cache
def form_patterns() -> dict:
    """document_form.yaml, its patterns compiled: what each line of the official form looks like."""
    data = dict(resources.load("document_form.yaml"))
    data["_date_line"] = re.compile(data["date_line"].replace("{UPPER}", UPPER))
    data["_number_line"] = re.compile(data["number_line"], re.IGNORECASE)
    titles = sorted(resources.load("bodies_roles.yaml")["signer_titles"], key=len, reverse=True)
    data["_authority"] = re.compile(data["authority_line"].replace("{titles}", "|".join(re.escape(t.upper()) for t in titles)))
    data["_subject_prefix"] = re.compile(data["subject_prefix"])
    data["_addressee_line"] = re.compile(data["addressee_line"])
    data["_gazette_caption"] = re.compile(data["gazette_caption"], re.IGNORECASE | re.DOTALL)
    return data
