"""Running a folder (or a list of files): one record each, incrementally, in one or several processes.

`corpus.process_corpus` brings an output folder up to date; `inputs` finds the documents and their
ids, `manifest` remembers what each record was made from, `pool` runs worker processes under time
and memory limits (`prestart` forks the first before the command line is read, `warm` is what each
does before its first document), `cluster` sends the documents to a Dask cluster, `write` writes atomically.
"""
