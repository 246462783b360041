"""Extraction stages: one module per kind of record, each exposing `find(doc)`.

Stages import records, doc, resources and the shared helpers (numbers, nlp, patterns),
never each other; run.py sets their order.
"""
