"""The shared lexicon (lexicon.yaml): cue words and joiners that more than one stage reads, each
written once. (Not pipeline/core/lexicon.py, which is the dictionary's word list.)

A stage's data file names a word set instead of copying it: `openers: {from_lexicon: goal_verbs}`
takes the whole set, `- {from_lexicon: goal_verbs}` inside a list adds its words to the list's
own, and `{lexicon:periodic}` inside a pattern string stands for the set's words as one group.
`resources.load` resolves these references, so stage code reads plain lists and patterns as before.
Python that needs a joiner asks `joiner()` for its pattern.

Every entry carries its `examples:` (a text and what the entry finds in it) and `not:` rows (texts it
must find nothing in); tests/test_lexicon.py runs them all.
"""
from __future__ import annotations

import re
from functools import cache

FLAGS = re.IGNORECASE
REFERENCE = "from_lexicon"
# A reference inside a pattern string; a regex's own braces ("{2}", "{1,3}") never hold a name.
_INLINE = re.compile(r"\{lexicon:(\w+)\}")


@cache
def data() -> dict:
    from pipeline.resources import raw

    return raw("lexicon.yaml")


def entry(name: str) -> dict:
    try:
        return data()[name]
    except KeyError:
        raise KeyError(f"lexicon.yaml has no entry {name!r}") from None


def words(name: str) -> list[str]:
    """The phrases of a word set, as written."""
    return list(entry(name)["words"])


def _phrase(word: str) -> str:
    return r"\s+".join(re.escape(w) for w in word.split())


def _alternation(phrases) -> str:
    parts = [_phrase(p) for p in sorted(phrases, key=len, reverse=True)]
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def joiner_parts(name: str = "list_joiner", marks: str | None = None) -> tuple[str, str]:
    """The two ways a list's members are joined, as patterns: after a mark (", ", ", và ") and by the
    word alone (" và "). Case-sensitive: a capital "Và" opens a sentence, it joins no list.
    `marks` (e.g. ",;") replaces the entry's own."""
    spec = entry(name)["joiner"]
    marks = list(marks) if marks else spec["marks"]
    mark = re.escape(marks[0]) if len(marks) == 1 else "(?:" + "|".join(re.escape(m) for m in marks) + ")"
    conjunction = _alternation(spec["words"])
    return rf"\s*{mark}\s*(?:{conjunction}\s+)?", rf"\s+{conjunction}\s+"


def joiner(name: str = "list_joiner", marks: str | None = None) -> str:
    """"A, B và C", "A, B, và C": the pattern of what stands between two members of a list."""
    return "|".join(joiner_parts(name, marks))


def list_conjunction(name: str = "list_joiner") -> str:
    """The joiner's word as a canonical name writes it: "và"."""
    return entry(name)["joiner"]["words"][0]


def has_conjunction(joined: str, name: str = "list_joiner") -> bool:
    """Whether a joiner as matched holds the word ("và") and not only a mark."""
    return re.search(r"(?<!\w)" + _alternation(entry(name)["joiner"]["words"]) + r"(?!\w)", joined) is not None


@cache
def matcher(name: str) -> re.Pattern:
    """What the entry finds in a text: a word set's phrases as whole words (any case, any run of
    spaces for a space), or a joiner."""
    e = entry(name)
    if "joiner" in e:
        return re.compile(joiner(name))
    return re.compile(r"(?<!\w)" + _alternation(e["words"]) + r"(?!\w)", FLAGS)


def _inline(pattern: str) -> str:
    """"(?:thường xuyên|{lexicon:periodic})": the set's phrases as one non-capturing group."""
    def group(m: re.Match) -> str:
        return "(?:" + "|".join(_phrase(p) for p in sorted(words(m.group(1)), key=len, reverse=True)) + ")"
    return _INLINE.sub(group, pattern)


def resolve(node):
    """A data file's content with its lexicon references replaced by the words they name."""
    if isinstance(node, str):
        return _inline(node) if "{lexicon:" in node else node
    if isinstance(node, dict):
        if set(node) == {REFERENCE}:
            return words(node[REFERENCE])
        return {key: resolve(value) for key, value in node.items()}
    if isinstance(node, list):
        out = []
        for item in node:
            if isinstance(item, dict) and set(item) == {REFERENCE}:
                out.extend(words(item[REFERENCE]))
            else:
                out.append(resolve(item))
        return out
    return node


def rows() -> list[tuple[str, str, str | list[str] | None]]:
    """Every example of every entry: (entry, text, what it finds: a phrase, or a joiner's members);
    a `not` row expects None."""
    out = []
    for name, e in data().items():
        out += [(name, text, found) for text, found in (e.get("examples") or {}).items()]
        out += [(name, text, None) for text in e.get("not") or []]
    return out
