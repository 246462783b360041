"""The stages' regular expressions, compiled once and kept on disk between worker processes.

Compiling the stages' patterns (the gazetteer's alternations of thousands of names above all,
some 480 patterns in all) cost every fresh worker a tenth of a second: Python's compiler of
regular expressions parses and assembles each pattern in pure Python, and only its last step,
building the pattern object from the assembled code, is in C. A worker that has warmed up
keeps that code for every pattern in `re`'s own cache (`keep`); the next worker hands the code
straight to the last step and puts the patterns back into `re`'s cache (`restore`), where every
`re.compile`, `re.search` or `re.sub` of the stages finds them. Each pattern is held equal to
a fresh compile of it before it is kept, and the file carries the digest of what it holds: one
damaged since is not used. What core/anchors.py reads of each pattern (the words a match opens
with or needs, read from its syntax tree) is kept with the code: a fresh worker parses none again.

The assembled code is an internal format of one CPython release, so the kept file is named by
the interpreter's exact version and its regular expression engine's, as well as the pipeline's:
another Python builds its own. Where `re` does not keep its cache as this module expects, or the
file cannot be read or written, nothing is restored or kept and patterns compile as they always
did. The file sits beside the other kept data (pipeline/core/derived.py, `PIPELINE_CACHE_DIR`).
"""
from __future__ import annotations

import hashlib
import pickle
import re
import sys

try:  # CPython's regular expression engine and compiler: where they differ, nothing is kept
    import _sre
    from re import _compiler, _parser
except ImportError:  # another Python implementation
    _sre = _compiler = _parser = None

# Patterns kept at most: the stages compile about 500 in a warm-up, and a file past this would
# mean patterns made per document (from its text), which no later worker meets again.
_MOST = 2048
# What this process put back into re's cache, with its code: `keep` compiles only what it does not hold.
_restored: dict[tuple[str, int], tuple] = {}
# What anchors.py read of each pattern, as restored or kept: plain data (words, frozen records), kept
# beside the code so a fresh worker does not parse the patterns again to read it.
_analyses: dict[tuple[str, str, int], object] = {}


def _pattern_key(key) -> bool:
    """An analysis kept is one of a pattern of text with plain flags (what `restore` can trust)."""
    return (type(key) is tuple and len(key) == 3 and type(key[0]) is str and type(key[1]) is str
            and type(key[2]) is int)


def longest_first(words) -> list[str]:
    """Alternatives of a pattern longest first (a shorter one would cut a longer one short), and
    those of one length in a fixed order: a set's order changes from process to process, and a
    pattern built in that order would be compiled afresh by every process that builds it."""
    return sorted(words, key=lambda word: (-len(word), word))


def restore() -> int:
    """Put the patterns an earlier worker kept into `re`'s cache; how many."""
    path = _kept_file()
    cache = _re_cache()
    if path is None or cache is None:
        return 0
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        digest, payload = data[:32], data[32:]
        if hashlib.sha256(payload).digest() != digest:   # cut short or damaged: code is never guessed at
            raise ValueError(f"{path}: not as it was written")
        entries, analyses = pickle.loads(payload)
        # All of them, though they may pass `re`'s bound on its cache (512): past it, each pattern
        # compiled afresh drops the oldest one, which its module holds by then.
        for pattern, flags, code in entries[:_MOST]:
            cache[str, pattern, flags] = _sre.compile(pattern, *code)
            _restored[pattern, flags] = code
        from pipeline.core import anchors   # (its own patterns now found compiled)

        anchors.known.update(analyses)
        _analyses.update(analyses)
    except FileNotFoundError:
        return 0
    except Exception:  # noqa: BLE001 - a damaged or foreign file: compiled as usual, and replaced by `keep`
        for pattern, flags in _restored:
            cache.pop((str, pattern, flags), None)
        _restored.clear()
        _analyses.clear()
        return 0
    return len(_restored)


def keep() -> int:
    """Add the code of every pattern now in `re`'s cache that was not restored, when there are such;
    how many were added."""
    from pipeline.core import anchors   # (its own patterns compiled before re's cache is read)

    path = _kept_file()
    cache = _re_cache()
    if path is None or cache is None:
        return 0
    entries = [(pattern, flags, code) for (pattern, flags), code in _restored.items()]
    for key, compiled in list(cache.items()):
        kind, pattern, flags = key
        if kind is not str or type(flags) is not int or (pattern, flags) in _restored:
            continue
        try:
            code = _assembled(pattern, flags)
            if _sre.compile(pattern, *code) != compiled:   # anything the last step would build otherwise
                continue
        except Exception:  # noqa: BLE001 - a pattern this reading of the compiler does not cover stays out
            continue
        entries.append((pattern, flags, code))
    fresh = len(entries) - len(_restored)
    analyses = {key: value for key, value in anchors.known.items() if _pattern_key(key)}
    if not (fresh or len(analyses) > len(_analyses)) or len(entries) > _MOST or len(analyses) > 4 * _MOST:
        return 0
    try:
        from pipeline.batch.write import atomic_write_bytes

        path.parent.mkdir(parents=True, exist_ok=True)
        payload = pickle.dumps((entries, analyses), protocol=pickle.HIGHEST_PROTOCOL)
        atomic_write_bytes(path, hashlib.sha256(payload).digest() + payload)
        for stale in path.parent.glob("patterns-*.pickle"):  # another version's: never read again
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:  # a read-only home, a full disk: the next worker compiles them too
        return 0
    _restored.update({(pattern, flags): code for pattern, flags, code in entries})  # known from now on
    _analyses.update(analyses)
    return fresh


def _assembled(pattern: str, flags: int) -> tuple:
    """What `re._compiler.compile` hands to `_sre.compile` after the pattern itself."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # Opcodes are named int constants of the compiler's, which pickle cannot write: kept as plain ints.
    return (int(flags | parsed.state.flags), [int(op) for op in code], parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


def _re_cache() -> dict | None:
    cache = getattr(re, "_cache", None)
    return cache if _sre is not None and isinstance(cache, dict) else None


def _kept_file():
    from pipeline import VERSION
    from pipeline.core.derived import cache_folder

    folder = cache_folder()
    if folder is None:
        return None
    engine = f"{sys.version}|{getattr(_sre, 'MAGIC', '')}|{VERSION}"
    return folder / f"patterns-{hashlib.sha256(engine.encode()).hexdigest()[:16]}.pickle"
