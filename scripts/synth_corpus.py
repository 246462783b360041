"""A synthetic corpus for scale tests, made by varying the team's own sample documents.

    python scripts/synth_corpus.py OUT_DIR --count 1000 [--seed 7]

Each document is one of the text samples in corpus/ (.txt and .html/.htm) with its
province, numbers, dates, named departments and the order of its numbered sections
changed, so no two documents are the same bytes and the extraction does real work on
each. Deterministic for a given seed.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROVINCES = ["Gia Lai", "Kon Tum", "Đắk Lắk", "Lâm Đồng", "Quảng Ngãi", "Bình Định", "Phú Yên", "Nghệ An",
             "Hà Tĩnh", "Quảng Trị", "Điện Biên", "Bến Tre", "Sơn La", "Lào Cai", "Cà Mau", "Thanh Hóa"]
DEPARTMENTS = ["Sở Nội vụ", "Sở Tài chính", "Sở Y tế", "Sở Tư pháp", "Sở Xây dựng", "Sở Công Thương",
               "Sở Giáo dục và Đào tạo", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Khoa học và Công nghệ"]
SECTION = re.compile(r"(?m)^(\d{1,2})\. ")


def variants(count: int, seed: int):
    rng = random.Random(seed)
    samples = sorted(p for p in (ROOT / "corpus").iterdir() if p.suffix in (".txt", ".html", ".htm"))
    texts = [(p, _decode(p.read_bytes())) for p in samples]
    for n in range(count):
        path, text = texts[n % len(texts)]
        yield f"synth-{n:06d}-{path.stem[:40]}{path.suffix}", vary(text, rng)


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def vary(text: str, rng: random.Random) -> str:
    province = rng.choice(PROVINCES)
    for name in PROVINCES:
        text = text.replace(name, province).replace(name.upper(), province.upper())
    text = re.sub(r"\b(\d{1,3})(?=/(?:CT|QĐ|KH|TB|CĐ|UBND)-)", lambda m: str(rng.randint(1, 999)), text)
    text = re.sub(r"\b0?(\d)(?= (?:xã|huyện|thôn|trường|bể bơi|cuộc|đợt)\b)", lambda m: f"0{rng.randint(1, 9)}", text)
    text = re.sub(r"\b(\d{1,2})/(\d{1,2})/(20\d\d)\b",
                  lambda m: f"{rng.randint(1, 28)}/{m.group(2)}/{m.group(3)}", text)
    department = rng.choice(DEPARTMENTS)
    text = text.replace("Sở Nội vụ", department)
    return _shuffle_sections(text, rng)


def _shuffle_sections(text: str, rng: random.Random) -> str:
    """Permute consecutive top-level numbered sections ("1. …", "2. …"), renumbered in order."""
    starts = [m.start() for m in SECTION.finditer(text)]
    if len(starts) < 3:
        return text
    end = text.find("\nNơi nhận", starts[-1])
    end = len(text) if end < 0 else end
    bounds = starts + [end]
    parts = [text[bounds[k]:bounds[k + 1]] for k in range(len(starts))]
    rng.shuffle(parts)
    parts = [SECTION.sub(f"{k + 1}. ", part, count=1) for k, part in enumerate(parts)]
    return text[:starts[0]] + "".join(parts) + text[end:]


def build(out: Path, count: int, seed: int = 7) -> int:
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for name, text in variants(count, seed):
        target = out / name
        if not target.exists():
            target.write_text(text, encoding="utf-8")
        written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    print(f"{build(args.out, args.count, args.seed)} documents in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
