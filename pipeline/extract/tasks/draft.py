"""A task while it is being read, before it becomes a record."""
from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.core.doc import Span
from pipeline.extract.tasks.subjects import Named
from pipeline.core.records import DeadlineValue


@dataclass
class Draft:
    """A task being read. Its evidence (start, end) is the sentence that gives the instruction;
    `reach` grows over the sentences that go on with it ("Hoàn thành trước ngày 20/12/2025."),
    whose deadlines and coordinating bodies are the task's too."""
    start: int
    end: int
    action: int
    responsible: list[Named]
    coordinating: list[Named] = field(default_factory=list)
    governing: list[Span] = field(default_factory=list)  # lead-in lines whose time governs it, nearest first
    action_end: int | None = None  # where the action ends, when not at the end of the span (a table cell)
    due: DeadlineValue | None = None  # a deadline read from the layout itself (a schedule's marked month)
    reach: int = 0

    def __post_init__(self) -> None:
        self.reach = max(self.reach, self.end)
