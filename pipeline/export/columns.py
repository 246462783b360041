"""The tables' columns, declared once: CSV, Parquet, SQLite and the Datasette metadata all read them.

Standard library only: `extract` imports this on every run, also when there is nothing to do.

Every table starts with the same document columns, so a row of any table can be
filtered by issuer, type or year without a join.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    kind: str   # text | int | real | bool
    about: str


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    about: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    facets: tuple[str, ...] = ("doc_issuer", "doc_type", "doc_year")

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


SQLITE_TYPE = {"text": "TEXT", "int": "INTEGER", "real": "REAL", "bool": "INTEGER"}

DOCUMENT = (
    Column("doc_id", "text", "the record's id (from the input's file name): <doc_id>.json in the output folder"),
    Column("doc_number", "text", "số và ký hiệu of the document, e.g. 04/CT-UBND"),
    Column("doc_type", "text", "loại văn bản: Chỉ thị, Công văn, Kế hoạch, Quyết định…"),
    Column("doc_issuer", "text", "the issuing body, canonical full name"),
    Column("doc_date", "text", "date of issue, YYYY-MM-DD"),
    Column("doc_year", "int", "year of issue"),
)

SPAN = (
    Column("span_start", "int", "first character of the evidence in the record's text"),
    Column("span_end", "int", "character after the evidence (the span is [start, end))"),
)


def _table(name: str, title: str, about: str, key: tuple[str, ...], columns: tuple[Column, ...],
           facets: tuple[str, ...] = ()) -> Table:
    return Table(name, title, about, ("doc_id", *key), DOCUMENT + columns,
                 ("doc_issuer", "doc_type", "doc_year") + facets)


DOCUMENTS = _table("documents", "Documents",
                   "One row per document read: its identity, trích yếu, signer and what was found in it.", (), (
    Column("place", "text", "địa danh of the date line"),
    Column("subject", "text", "trích yếu: what the document is about"),
    Column("signer_name", "text", "who signed"),
    Column("signer_title", "text", "the signer's title (Chủ tịch, Phó Chủ tịch…)"),
    Column("is_report", "bool", "the text reports on the document (a news article) rather than being it"),
    Column("status", "text", "ok, warned (read with problems) or failed (no text could be read)"),
    Column("warnings", "text", "what the pipeline could not do, separated by ' | '"),
    Column("source_path", "text", "the input file as given on the command line"),
    Column("source_format", "text", "txt, html, pdf, docx…"),
    Column("source_pages", "int", "pages of the input, where the format has pages"),
    Column("source_sha256", "text", "SHA-256 of the input bytes"),
    Column("pipeline_version", "text", "the pipeline version that wrote the record"),
    Column("text_chars", "int", "length of the normalized text"),
    Column("n_references", "int", "documents cited"),
    Column("n_bodies", "int", "bodies named"),
    Column("n_targets", "int", "targets and figures"),
    Column("n_deadlines", "int", "deadlines"),
    Column("n_tasks", "int", "tasks"),
), facets=("status",))

REFERENCES = _table("references", "References", "Other documents each document cites.", ("ref_index",), (
    Column("ref_index", "int", "position in the record's references list"),
    Column("ref_doc_type", "text", "type of the cited document (Nghị quyết, Quyết định…)"),
    Column("ref_number", "text", "số và ký hiệu of the cited document"),
    Column("ref_date", "text", "date of the cited document, YYYY-MM-DD"),
    Column("ref_issuer", "text", "issuer of the cited document"),
    *SPAN,
    Column("evidence", "text", "the cited words as the text has them"),
), facets=("ref_doc_type",))

BODIES = _table("bodies", "Bodies", "Organizations (or groups of them) each document names.", ("body_index",), (
    Column("body_index", "int", "position in the record's bodies list"),
    Column("name", "text", "canonical name, abbreviations expanded, locality kept"),
    Column("kind", "text", "agency, locality, party, group or other"),
    Column("code", "text", "official code of the administrative unit, where known"),
    Column("mentions", "int", "how many times the text names it"),
    Column("spans", "text", "every mention as a JSON list of [start, end)"),
), facets=("kind", "name"))

TARGETS = _table("targets", "Targets",
                 "Goals and figures: to be reached (target) or already reached (achieved).", ("target_index",), (
    Column("target_index", "int", "position in the record's targets list"),
    Column("indicator", "text", "what is measured"),
    Column("value", "real", "the figure (the low end of a range)"),
    Column("value_max", "real", "the high end of a range"),
    Column("denominator", "real", "the whole of 'x/y' figures"),
    Column("unit", "text", "counted noun, singular lowercase, or %"),
    Column("comparator", "text", "=, >=, <=, < or >"),
    Column("mode", "text", "total, additional, share or reduction"),
    Column("status", "text", "target or achieved"),
    Column("period_start", "text", "first day of the period, YYYY-MM-DD"),
    Column("period_end", "text", "last day of the period, YYYY-MM-DD"),
    Column("year", "int", "year the target is for: of the period's end, else its start, else of the document"),
    Column("scope", "text", "where the target applies"),
    *SPAN,
    Column("evidence", "text", "the words of the text the target comes from"),
), facets=("status", "year", "unit"))

DEADLINES = _table("deadlines", "Deadlines", "When something must be done, or recur.", ("deadline_index",), (
    Column("deadline_index", "int", "position in the record's deadlines list"),
    Column("text", "text", "the deadline as written"),
    Column("start_date", "text", "first day it covers (null: open)"),
    Column("end_date", "text", "last day, YYYY-MM-DD (null: open or only recurring)"),
    Column("recurrence", "text", "RFC 5545 RRULE without the RRULE: prefix"),
    Column("time", "text", "the hour it gives beside its end date, HH:MM (null: a whole day)"),
    *SPAN,
), facets=("recurrence",))

TASKS = _table("tasks", "Tasks", "Instructions to bodies: who must do what, with whom, by when.", ("task_index",), (
    Column("task_index", "int", "position in the record's tasks list"),
    Column("action", "text", "what must be done"),
    Column("responsible", "text", "bodies in charge (chủ trì), separated by '; '"),
    Column("coordinating", "text", "bodies that coordinate (phối hợp), separated by '; '"),
    Column("deadline_text", "text", "the task's deadline as written"),
    Column("deadline_start", "text", "first day of the deadline"),
    Column("deadline_end", "text", "last day of the deadline, YYYY-MM-DD"),
    Column("deadline_recurrence", "text", "RFC 5545 RRULE of a recurring deadline"),
    Column("deadline_time", "text", "the hour of the deadline, HH:MM (null: a whole day)"),
    Column("target_indices", "text", "the record's targets the task serves (target_index), separated by ','"),
    *SPAN,
), facets=("responsible",))

TASK_BODIES = _table("task_bodies", "Tasks by body",
                     "One row per task and body named in it: joins tasks to the bodies that carry them out.",
                     ("task_index", "role", "body"), (
    Column("task_index", "int", "the task (tasks.task_index of the same document)"),
    Column("role", "text", "responsible (chủ trì) or coordinating (phối hợp)"),
    Column("body", "text", "the body's canonical name"),
    Column("deadline_end", "text", "last day of the task's deadline, YYYY-MM-DD"),
), facets=("role", "body"))

TABLES = (DOCUMENTS, REFERENCES, BODIES, TARGETS, DEADLINES, TASKS, TASK_BODIES)
