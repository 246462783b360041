"""core/nlp.py takes underthesea's two functions without its package's __init__ (every pipeline it has,
half a second a process), and the package is whole again for anyone who asks it for more."""
from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

_CHILD = """
import sys
from pipeline.core import nlp
tags = nlp.tagged("Giao 5 huyện trồng 300 cây xanh trong năm 2025")
words = nlp.words("Sở Tài nguyên và Môi trường chủ trì thực hiện")
light = not any(m.startswith(("underthesea.pipeline.classification", "underthesea.pipeline.ner"))
                for m in sys.modules)
import underthesea
from underthesea import pos_tag, word_tokenize
same = (list(tags) == pos_tag("Giao 5 huyện trồng 300 cây xanh trong năm 2025")
        and list(words) == word_tokenize("Sở Tài nguyên và Môi trường chủ trì thực hiện", use_token_normalize=False))
print(light, same, underthesea.sent_tokenize("Câu một. Câu hai.") == ["Câu một.", "Câu hai."])
"""


def test_tagger_without_the_whole_package_and_the_package_whole_after():
    done = subprocess.run([sys.executable, "-c", _CHILD], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-800:]
    assert done.stdout.split() == ["True", "True", "True"]
