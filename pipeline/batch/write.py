"""Writing records and other outputs atomically: readers never see half a file."""
from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if swap(tmp, path):
            os.unlink(tmp)    # the previous file, now under the temporary name
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def swap(new: str | Path, path: str | Path) -> bool:
    """Put `new` in place of `path` in one step, as os.replace does; True when the previous file at `path`
    is now at `new` (the caller deletes it), False when it is gone or there was none.

    A rename over an existing file makes ext4 write the new file's data out before it returns (its guard
    for programs that skip fsync): 0.12 s for a 170 MB records.jsonl, over 1 ms for a record file. Linux
    exchanges two names in one step without it (renameat2's RENAME_EXCHANGE), as atomic for readers.
    Elsewhere, or when there is nothing to exchange with, os.replace."""
    exchange = _renameat2()
    if exchange is not None:
        try:
            if exchange(os.fsencode(new), os.fsencode(path)):
                return True
        except OSError:
            pass
    os.replace(new, path)
    return False


@cache
def _renameat2():
    """renameat2(RENAME_EXCHANGE) from the C library, or None where there is none (not Linux, old glibc)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return None
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_cwd, exchange = -100, 2    # AT_FDCWD, RENAME_EXCHANGE (linux/fcntl.h)

    def swapped(new: bytes, path: bytes) -> bool:
        # Fails (ENOENT: nothing at `path`; EINVAL: a file system that cannot) without changing anything.
        return renameat2(at_cwd, new, at_cwd, path, exchange) == 0

    return swapped


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


@dataclass(frozen=True)
class RecordJson:
    """A record's two JSON texts: its file's, in UTF-8 as it is written (indented, as `json.dumps(indent=2)`
    writes it), and its line (compact, as records.jsonl holds it)."""
    file: bytes
    line: str


def record_json(record, data: dict | None = None) -> RecordJson:
    """The record's JSON texts, as the standard library writes `record.model_dump(mode="json")` (`data`,
    when given, is that dump already made).

    The indented text is the record file, and the standard library writes it in pure Python (its C
    encoder cannot indent): 0.7 ms a document. Pydantic writes the same layout in Rust. Its numbers can
    be spelt otherwise (0.00001 where Python writes 1e-05, null for NaN), so its compact text is held to
    the standard library's, which the C encoder writes fast and records.jsonl needs anyway: the same
    compact text is the same tokens, and then the same indented text. Else the standard library writes it."""
    line = json.dumps(record.model_dump(mode="json") if data is None else data, ensure_ascii=False,
                      separators=(",", ":"))
    # The dump let go before pydantic writes (unless the caller holds it): a long document's dump is
    # many small objects, and it held a 1,500-page plan's process 40 MB higher while Rust wrote.
    data = None
    try:
        if record.model_dump_json() == line:
            # As UTF-8 bytes, as pydantic writes them: a long record's indented text held as a string (two
            # bytes a character once it holds any Vietnamese) and then encoded was its worker's peak.
            return RecordJson(record.__pydantic_serializer__.to_json(record, indent=2) + b"\n", line)
    except Exception:  # noqa: BLE001 - what pydantic cannot write (a lone surrogate) the standard library reports
        pass
    return RecordJson((json.dumps(json.loads(line), ensure_ascii=False, indent=2) + "\n").encode("utf-8"), line)


def write_record(out: Path, record, texts: RecordJson | None = None) -> Path:
    """Write a `pipeline.core.records.Record` as `<id>.json`, atomically (`texts`: its record_json, if made)."""
    path = out / f"{record.id}.json"
    atomic_write_bytes(path, (texts or record_json(record)).file)
    return path
