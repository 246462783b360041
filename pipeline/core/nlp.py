"""underthesea and spaCy, the way the stages may use them: one sentence at a time.

underthesea's tagger costs far more per character on a whole document than on its
sentences one by one: on the shared corpus (103,000 characters, 1,046 sentences)
pos_tag ran at 26,000 characters/s sentence by sentence and 2,000 on whole
documents; word_tokenize at about 100,000 either way. So callers hand in a
sentence, and the answers are cached: several stages ask about the same sentences. spaCy is used blank (no model, no pyvi): its Docs
are built over underthesea's words so that token Matchers can run on them.
"""
from __future__ import annotations

from functools import cache, lru_cache

from pipeline.core.doc import Span

_CACHE_SIZE = 8192


@lru_cache(maxsize=_CACHE_SIZE)
def words(sentence: str) -> tuple[str, ...]:
    """underthesea's words of one sentence ("tiêu chí", "doanh nghiệp" are one word each)."""
    from underthesea import word_tokenize
    return tuple(word_tokenize(sentence, use_token_normalize=False))


@lru_cache(maxsize=_CACHE_SIZE)
def tagged(sentence: str) -> tuple[tuple[str, str], ...]:
    """(word, part of speech) for one sentence, VLSP tags: N noun, Nc classifier, Nu unit,
    Np proper noun, M numeral, V verb, A adjective, E preposition, CH punctuation …"""
    from underthesea import pos_tag
    return tuple((word, tag) for word, tag in pos_tag(sentence))


def word_spans(sentence: str, tokens: tuple[str, ...] | list[str]) -> list[Span]:
    """Where each word of `tokens` sits in `sentence`. Words are found in order; a word the
    tokenizer rewrote (tone marks moved: same length) is taken at the cursor."""
    spans: list[Span] = []
    cursor = 0
    for token in tokens:
        while cursor < len(sentence) and sentence[cursor].isspace():
            cursor += 1
        found = sentence.find(token, cursor, cursor + len(token) + 8)
        start = found if found >= 0 else cursor
        spans.append((start, start + len(token)))
        cursor = start + len(token)
    return spans


@cache
def blank():
    """A blank Vietnamese spaCy pipeline that does not need pyvi (underthesea segments)."""
    import spacy
    return spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})


@lru_cache(maxsize=_CACHE_SIZE)
def spacy_doc(sentence: str):
    """A spaCy Doc over underthesea's tagged words of `sentence`, each token's tag_ set;
    `doc.user_data["spans"][i]` is where token i sits in `sentence` (token.idx may drift
    where the sentence has runs of spaces)."""
    from spacy.tokens import Doc as SpacyDoc
    pairs = tagged(sentence)
    tokens = [w for w, _ in pairs]
    spans = word_spans(sentence, tokens)
    spaces = [spans[k + 1][0] > spans[k][1] if k + 1 < len(spans) else False for k in range(len(spans))]
    # Words as they stand in the sentence, so that token.idx is an offset into it.
    text_words = [sentence[a:b] or w for (a, b), w in zip(spans, tokens)]
    doc = SpacyDoc(blank().vocab, words=text_words, spaces=spaces, tags=[t for _, t in pairs])
    doc.user_data["spans"] = spans
    return doc


def matcher(patterns: dict[str, list[list[dict]]]):
    """A spaCy token Matcher for the named patterns (build once per caller and keep it)."""
    from spacy.matcher import Matcher
    m = Matcher(blank().vocab)
    for name, alternatives in patterns.items():
        m.add(name, alternatives)
    return m
