"""The output contract (shared/CONTRACT.md, version 1) as typed records.

These are the only shapes that leave the pipeline. The JSON Schema committed
at `docs/record.schema.json` is generated from them (`python -m pipeline
schema`), never written by hand. This module imports nothing of the pipeline.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

Span = tuple[int, int]
IsoDate = str  # YYYY-MM-DD; kept as text so a record round-trips byte for byte


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(_Record):
    model_config = ConfigDict(frozen=True, extra="allow")  # readers may add ocr, page confidences
    path: str
    sha256: str
    format: str
    pages: int | None = None
    offsets: list[tuple[int, int]] | None = Field(
        default=None, description="where `text` came from in the reader's output: [text index, source index] "
        "at each point where the two stop moving together; between points they advance in step")


class Signer(_Record):
    name: str | None = None
    title: str | None = None


class DocumentInfo(_Record):
    doc_type: str | None = None
    number: str | None = None
    issuer: str | None = None
    issued_date: IsoDate | None = None
    place: str | None = None
    subject: str | None = None
    signer: Signer | None = None
    is_report: bool | None = None


class Reference(_Record):
    doc_type: str | None = None
    number: str | None = None
    issued_date: IsoDate | None = None
    issuer: str | None = None
    span: Span


BodyKind = Literal["agency", "locality", "party", "group", "other"]


class Body(_Record):
    name: str
    kind: BodyKind
    spans: list[Span]
    code: str | None = Field(default=None, description="official code of the administrative unit the body belongs to")


class Period(_Record):
    start: IsoDate | None = None
    end: IsoDate | None = None


class Target(_Record):
    indicator: str | None = None
    value: float | int | None = None
    value_max: float | int | None = None
    denominator: float | int | None = None
    unit: str | None = None
    comparator: Literal["=", ">=", "<=", "<", ">"] | None = None
    mode: Literal["total", "additional", "share", "reduction"] | None = None
    status: Literal["target", "achieved"]
    period: Period | None = None
    scope: str | None = None
    span: Span


class DeadlineValue(_Record):
    text: str
    start: IsoDate | None = None
    end: IsoDate | None = None
    recurrence: str | None = Field(default=None, description="RFC 5545 RRULE without the RRULE: prefix")
    time: str | None = Field(default=None, pattern=r"^\d\d:\d\d$",
                             description="the hour the deadline gives beside its end date, HH:MM (24-hour clock)")


class Deadline(DeadlineValue):
    span: Span


class Task(_Record):
    action: str
    responsible: list[str]
    coordinating: list[str] = []
    deadline: DeadlineValue | None = None
    targets: list[int] = Field(default=[], description="indices into the record's targets that the task serves")
    span: Span


class Record(_Record):
    schema_version: Literal["1"] = SCHEMA_VERSION
    id: str
    pipeline_version: str
    source: Source
    text: str
    document: DocumentInfo
    references: list[Reference] = []
    bodies: list[Body] = []
    targets: list[Target] = []
    deadlines: list[Deadline] = []
    tasks: list[Task] = []
    warnings: list[str] = []
    status: Literal["ok", "warned", "failed"] = Field(
        default="ok", description="failed: no text could be read; warned: read with problems (CONTRACT.md)")


def json_schema() -> dict:
    schema = Record.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Directive record, contract version " + SCHEMA_VERSION
    return schema
