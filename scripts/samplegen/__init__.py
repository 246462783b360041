"""The writers behind scripts/make_samples.py: the sample markup and one module per output format.

What the writers share keeps the builds reproducible: the fixed dates and the author stamped
into the PDF and DOCX metadata.
"""
from __future__ import annotations

import datetime as dt

FIXED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)
AUTHOR = "directives-pipeline sample corpus"
