"""`python -m pipeline …` and the `directives` command: the command line, with `extract`'s first worker
forked before the command line's libraries are even imported."""
import os
import sys

from pipeline.batch import prestart


def main(prog_name: str | None = None) -> None:
    # The first worker warms up (the stages' imports and data) on another core while this process
    # starts up and finds the inputs (batch/prestart.py).
    prestart.start(sys.argv[1:])
    try:
        from pipeline.cli import app

        app(prog_name=prog_name)
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


if __name__ == "__main__":
    main("python -m pipeline")
