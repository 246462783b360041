"""The task stage's language data (resources/task_*.yaml), compiled once per process."""
from __future__ import annotations

import re
from functools import cache

from pipeline import resources
from pipeline.core.pattern_cache import longest_first
from pipeline.core.letters import UPPER  # tells a name ("Sở Xây dựng") from a verb ("xây dựng")

_I = re.IGNORECASE


def phrases(words: list[str]) -> str:
    """An alternation of phrases, longest first, spaces matching any run of whitespace."""
    ordered = longest_first(set(words))
    return "(?:" + "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered) + r")(?!\w)"


def patterns(words: list[str]) -> str:
    """An alternation of regular expressions, longest first, each ending on a word boundary."""
    return "(?:" + "|".join(longest_first(set(words))) + r")(?!\w)"


@cache
def cues() -> dict[str, re.Pattern]:
    data = resources.load("task_cues.yaml")
    return {
        "assigning": re.compile(r"(?<!\w)" + phrases(data["assigning"]), _I),
        "directing": re.compile(phrases(data["directing"]), _I),
        "naming_prefix": re.compile(phrases(data["naming_prefix"]), _I),
        "not_assigning_before": re.compile(r"(?<!\w)" + phrases(data["not_assigning_before"]) + r"\s*$", _I),
        "not_assigning_after": re.compile(r"\s*(?:" + data["not_assigning_after"] + ")", _I),
        "assign_via_cho": re.compile(r"\s*" + data["assign_via_cho"] + r"\s+", _I),
        "assign_cho": re.compile(r"\s*" + data["assign_cho"] + r"\s+", _I),
        "article_label": re.compile(r"\s*" + data["article_label"] + r"\s*"),
        # Inside a name, verbs are lower case ("Sở Xây dựng" is a name, "xây dựng" a verb).
        "predicate": re.compile(phrases(data["predicate_openers"])),
        "predicate_any_case": re.compile(phrases(data["predicate_openers"]), _I),
        "name_stop": re.compile(phrases(data["name_stops"])),
        "narrative": re.compile(r"\s*" + data["narrative_after_subject"], _I),
        "commitment": re.compile(r"\s*" + data["commitment_after_subject"], _I),
        "planned": re.compile(data["planned_after_subject"], _I),
        "continuation": re.compile(data["continuation_openers"], _I),
        "elaboration": re.compile(data["elaboration_openers"], _I),
        "relative": re.compile(r"\s*" + data["relative_after_subject"], _I),
        "heading_participle": re.compile(data["heading_participle"], _I),
        "opener": re.compile(data["clause_openers"], _I),
        "imperative": re.compile(phrases(data["imperative_openers"]), _I),
        "report": re.compile(data["report_clause"], _I),
        "separate_report": re.compile(data["separate_report"], _I),
        "closing_report": re.compile(data["closing_report"], _I),
        "non_task_section": re.compile(data["non_task_sections"], _I),
        "purpose_section": re.compile(data["purpose_sections"], _I),
        "criteria_section": re.compile(data["criteria_sections"], _I),
        "instruction_lead": re.compile(data["instruction_lead"], _I),
        "never": re.compile(data["never_tasks"], _I),
        "to_superior": re.compile(data["to_superior"], _I),
        "heading_prefix": re.compile(data["heading_prefix"], _I),
        "coordinating": re.compile(r"(?<!\w)" + data["coordinating"], _I),
        "leading": re.compile(data["leading"], _I),
        "adverbial": re.compile(phrases(data["adverbial_openers"]), _I),
        "phrase_opener": re.compile(phrases(data["phrase_openers"]) + r"\s[^,;:]{1,120},\s*", _I),
        "hearing": re.compile(data["hearing_openers"], _I),
        "joint_issuer_first": data["joint_issuer_first"],
        "second_predicate": re.compile(r"\S\s+" + data["second_predicate"] + r"\s+$", _I),
        "agent_before": re.compile(phrases(data["agent_markers"]) + r"\s+$", _I),
        "proposed": re.compile(data["proposed_to_issuer"], _I),
        "modal": re.compile(r"(?<!\w)" + phrases(data["modals"]), _I),
        "clause_break": re.compile(";|(?=" + data["report_break"] + ")", _I),
        "report_break": re.compile(data["report_break"], _I),
        "addressees": re.compile(data["addressees"], _I),
        "governing_time": re.compile(phrases(data["governing_time"]), _I),
        "governing_before": re.compile(phrases(data["governing_time"]) + r"\s*$", _I),
        "completion_before": re.compile(phrases(data["completion"]) + r"[^.;]{0,20}$", _I),
        "nominalizer": re.compile(phrases(data["nominalizers"]), _I),
        "generic_action": re.compile(data["generic_action"], _I),
    }


@cache
def proposing_types() -> frozenset[str]:
    return frozenset(t.lower() for t in resources.load("task_cues.yaml")["proposing_types"])


@cache
def lists() -> dict[str, re.Pattern]:
    """How a clause lists the bodies the gazetteer names, and how the issuer names itself (task_cues.yaml)."""
    data = resources.load("task_cues.yaml")["lists"]
    openers = phrases(data["openers"])
    return {
        "joint": re.compile(r"\s*(?:,|;)\s*(?:và\s+)?|\s+" + phrases(data["joints"]) + r"\s+", _I),
        "issuer_self": re.compile(data["issuer_self"] + r"(?!\w)", _I),
        # The last list opener before a comma: "các" of "được các cấp, các ngành" is "các ngành".
        "opener_before": re.compile(r"(?:^|\s)(" + openers + r"\s)(?!.*\s" + openers + r"\s)", _I),
    }


@cache
def table_columns() -> list[tuple[str, re.Pattern]]:
    return [(kind, re.compile(p, _I)) for kind, p in resources.load("task_tables.yaml")["columns"]]


@cache
def table_rows() -> tuple[re.Pattern, re.Pattern, str]:
    """A part's title row, a cell that names a place alone (its unit and name groups), the authority's head."""
    data = resources.load("task_tables.yaml")
    place = rf"(?P<name>[{UPPER}0-9]\w*(?:(?:\s+|\s*-\s*)[{UPPER}0-9]\w*)*)"
    alone = re.compile(rf"(?P<unit>(?i:{data['place_units']}))\s+{place}(?:\s*\([^()]*\))?\s*")
    return re.compile(data["part_number"]), alone, data["place_authority"]
