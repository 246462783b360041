import os
import sys

from pipeline.batch import prestart

# `extract`'s first worker, forked before the command line's libraries are even imported: it warms up
# (the stages' imports and data) on the other core while this process starts up and finds the inputs.
prestart.start(sys.argv[1:])

try:
    from pipeline.cli import app

    app(prog_name="python -m pipeline")
except SystemExit as done:
    # Everything is written and closed by now: the records, the manifest, the tables, and the workers
    # have been joined. What is left is the interpreter tearing down pyarrow, pydantic and the stages'
    # data, object by object (60 ms a run, a tenth of a no-op re-run), which nobody waits for.
    prestart.discard()   # (a run that never got as far as its workers: --help, a mistyped option)
    code = done.code
    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)
