"""Extraction stages: one module per kind of record, each exposing `find(doc)`.

Stages import records, doc, resources and the shared helpers (numbers, nlp, patterns),
and never another stage's modules: what one stage lends another goes through that stage's
package (`pipeline.extract.document.canonical_issuer`). run.py sets their order.

Called, this package is also the front door: `pipeline.extract(path)` reads one file into its
record (see pipeline/__init__.py, which makes the package callable).
"""
