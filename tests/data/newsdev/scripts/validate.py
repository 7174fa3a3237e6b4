"""Validate qa.jsonl against articles/: structure, ids, sources, aliases, unanswerables, counts.

Exit code 1 on any failure. Alias checks: (1) substring of the source article after NFKC + casefold
(as the brief asks); (2) a run of whole words after the same folding plus dash/quote unification
(how newsbot's eval matches aliases), so an alias that only occurs inside a longer word fails.
"""
import collections
import json
import pathlib
import re
import sys
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "articles"
FIELDS = ["id", "question", "lang", "type", "answers", "sources"]
TYPES = {"date", "number", "name", "place", "fact", "cross-lingual", "paraphrase", "unanswerable"}
WORD = re.compile(r"[\w\u0900-\u0963\u0966-\u097F\u200c\u200d]+")
DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
DEVANAGARI = re.compile(r"[\u0900-\u097F]")
LATIN = re.compile(r"[A-Za-z]")


def fold(text):
    return unicodedata.normalize("NFKC", text).translate(DASHES).translate(QUOTES).casefold()


def words(text):
    return WORD.findall(fold(text))


def has_run(hay, needle):
    n = len(needle)
    return n > 0 and any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


def main():
    errors = []
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))}
    expected = {f"n{i:02d}.txt" for i in range(1, 25)} | {f"h{i:02d}.txt" for i in range(1, 9)}
    if set(texts) != expected:
        errors.append(f"articles/ holds {sorted(texts)}; expected n01-n24 and h01-h08")
    folded = {k: fold(v) for k, v in texts.items()}
    tokens = {k: words(v) for k, v in texts.items()}
    for name, text in texts.items():
        deva, latin = len(DEVANAGARI.findall(text)), len(LATIN.findall(text))
        if name.startswith("h") and deva < 10 * latin:
            errors.append(f"{name}: expected mostly Devanagari ({deva} Devanagari vs {latin} Latin letters)")
        if name.startswith("n") and deva:
            errors.append(f"{name}: English article holds Devanagari")

    items, ids = [], set()
    lines = (ROOT / "qa.jsonl").read_text(encoding="utf-8").splitlines()
    for no, line in enumerate(lines, 1):
        where = f"qa.jsonl line {no}"
        try:
            it = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: invalid JSON ({exc})")
            continue
        if not isinstance(it, dict) or list(it) != FIELDS:
            errors.append(f"{where}: fields must be exactly {FIELDS}")
            continue
        items.append(it)
        if it["id"] in ids:
            errors.append(f"{where}: duplicate id {it['id']}")
        ids.add(it["id"])
        if it["lang"] not in ("en", "hi"):
            errors.append(f"{where}: bad lang {it['lang']!r}")
        if it["type"] not in TYPES:
            errors.append(f"{where}: bad type {it['type']!r}")
        q = it["question"]
        if not q.strip().endswith("?"):
            errors.append(f"{where}: question does not end with '?'")
        if it["lang"] == "hi" and not DEVANAGARI.search(q):
            errors.append(f"{where}: lang hi but no Devanagari in question")
        if it["lang"] == "en" and DEVANAGARI.search(q):
            errors.append(f"{where}: lang en but Devanagari in question")
        if it["type"] == "unanswerable":
            if it["answers"] or it["sources"]:
                errors.append(f"{where}: unanswerable must have empty answers and sources")
            continue
        if not it["answers"] or not it["sources"]:
            errors.append(f"{where}: answerable item needs answers and sources")
            continue
        for s in it["sources"]:
            if s not in texts:
                errors.append(f"{where}: source {s} does not exist")
        srcs = [s for s in it["sources"] if s in texts]
        # cross-lingual means the question language differs from the article language
        art_lang = "hi" if srcs and srcs[0].startswith("h") else "en"
        if (it["type"] == "cross-lingual") != (it["lang"] != art_lang):
            errors.append(f"{where}: type {it['type']} but question lang {it['lang']} vs article {art_lang}")
        for a in it["answers"]:
            if not a.strip() or a != a.strip():
                errors.append(f"{where}: blank or padded alias {a!r}")
            if len(a.split()) > 4:
                errors.append(f"{where}: alias longer than 4 words: {a!r}")
            if not any(fold(a) in folded[s] for s in srcs):
                errors.append(f"{where}: alias {a!r} not a substring of {srcs}")
            if not any(has_run(tokens[s], words(a)) for s in srcs):
                errors.append(f"{where}: alias {a!r} not whole words in {srcs}")

    # counts
    by_type_lang = collections.Counter((it["type"], it["lang"]) for it in items)
    per_article = collections.Counter()
    for it in items:
        for s in it["sources"]:
            per_article[(s, it["lang"])] += 1
    for name in sorted(expected):
        own = "hi" if name.startswith("h") else "en"
        other = "en" if own == "hi" else "hi"
        if per_article[(name, own)] != 5 or per_article[(name, other)] != 3:
            errors.append(f"{name}: {per_article[(name, own)]} {own} + {per_article[(name, other)]} {other} questions; want 5 + 3")
    un_en = by_type_lang[("unanswerable", "en")]
    un_hi = by_type_lang[("unanswerable", "hi")]
    if (un_en, un_hi) != (35, 25):
        errors.append(f"unanswerable: {un_en} en + {un_hi} hi; want 35 + 25")
    dup_q = [q for q, c in collections.Counter(fold(it["question"]) for it in items).items() if c > 1]
    if dup_q:
        errors.append(f"duplicate questions: {dup_q}")

    types = ["date", "number", "name", "place", "fact", "paraphrase", "cross-lingual", "unanswerable"]
    print(f"{'type':<14}{'en':>5}{'hi':>5}{'total':>7}")
    for t in types:
        en, hi = by_type_lang[(t, "en")], by_type_lang[(t, "hi")]
        print(f"{t:<14}{en:>5}{hi:>5}{en + hi:>7}")
    en = sum(v for (t, l), v in by_type_lang.items() if l == "en")
    hi = sum(v for (t, l), v in by_type_lang.items() if l == "hi")
    print(f"{'total':<14}{en:>5}{hi:>5}{en + hi:>7}")
    answerable = sum(1 for it in items if it["answers"])
    print(f"{len(items)} items, {answerable} answerable, {len(items) - answerable} unanswerable, {len(texts)} articles")
    if errors:
        print(f"\n{len(errors)} FAILURES:")
        for e in errors:
            print(" -", e)
        sys.exit(1)
    print("\nALL CHECKS PASSED")


if __name__ == "__main__":
    main()
