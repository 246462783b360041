"""What a worker process does once, before its first document."""


def warm_worker() -> None:
    """A worker's one-time work before its first document, while the parent still looks for the
    documents to do (on a re-run, checking every input against the manifest): the record writer,
    the fragment cutter, and the stages' imports, patterns and data (run.warm_up). The patterns
    come compiled from the last worker that warmed up (core/pattern_cache.py), before the imports
    that compile some of them."""
    from pipeline.core import pattern_cache

    pattern_cache.restore()
    import pipeline.export.fragments  # noqa: F401
    import pipeline.batch.write  # noqa: F401
    import pipeline.run

    pipeline.run.warm_up()
    pattern_cache.keep()
