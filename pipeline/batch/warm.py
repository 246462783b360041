"""What a worker process does once, before its first document."""
import gc


def warm_worker() -> None:
    """A worker's one-time work before its first document, while the parent still looks for the
    documents to do (on a re-run, checking every input against the manifest): the record writer,
    the fragment cutter, and the stages' imports, patterns and data (run.warm_up). The patterns
    come compiled from the last worker that warmed up (core/pattern_cache.py), before the imports
    that compile some of them.

    The garbage collector rests meanwhile. Nearly all the warm-up makes lives as long as the
    worker (modules, compiled patterns, 14,000 administrative units, the word list), and each
    collection walked it again, finding nothing to free: a sixth of the warm-up's time."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        from pipeline.core import pattern_cache

        pattern_cache.restore()
        import pipeline.export.fragments  # noqa: F401
        import pipeline.batch.write  # noqa: F401
        import pipeline.run

        pipeline.run.warm_up()
        pattern_cache.keep()
    finally:
        # What the warm-up made goes to the permanent generation, which no collection walks: else the
        # first collection after it walks all of it at once (25 ms), and each older generation's again.
        gc.freeze()
        if collecting:
            gc.enable()
