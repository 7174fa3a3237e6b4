"""Check that the unanswerable questions are not answered by any article.

1. Every absent term listed with a question must not occur as whole words in any of the 32 articles
   (NFKC, casefold); a term written "FILE:term" is checked in that article only.
2. For on-topic questions, print the article sentences around the subject keyword for a human read.
3. For every question, print the article sentence with the highest share of the question's content
   words, so near-misses can be read by a person.
Exit code 1 when an absent term is found.
"""
import pathlib
import re
import sys
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from qa_unanswerable import UNANSWERABLE  # noqa: E402

ROOT = HERE.parent
WORD = re.compile(r"[\w\u0900-\u0963\u0966-\u097F\u200c\u200d]+")
STOP = set("""a an the and or but of at by for with about to from in on is are was were be been did do does what
which who whom when where why how many much this that it its his her their has have had will so new""".split())
STOP |= set("का के की को में से पर ने है हैं था थे थी और या भी तो ही एक यह वह इस उस कि लिए क्या कौन किस किसने कब कहां कितने कितना कितनी कैसे".split())


def fold(t):
    return unicodedata.normalize("NFKC", t).casefold()


def words(t):
    return WORD.findall(fold(t))


def has_run(hay, needle):
    n = len(needle)
    return n > 0 and any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


def sentences(text):
    out = []
    for para in text.split("\n\n"):
        out += [s.strip() for s in re.split(r"(?<=[.?!।])\s+", para) if s.strip()]
    return out


def main():
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "articles").glob("*.txt"))}
    toks = {k: words(v) for k, v in texts.items()}
    sents = [(k, s) for k, v in texts.items() for s in sentences(v)]
    failures = 0
    for n, (lang, kind, q, absent, review) in enumerate(UNANSWERABLE, 1):
        hits = []
        for t in absent:
            scope, term = (t.split(":", 1) if re.match(r"^[nh]\d\d\.txt:", t) else (None, t))
            for k, v in toks.items():
                if (scope is None or k == scope) and has_run(v, words(term)):
                    hits.append((t, k))
        flag = "FAIL" if hits else "ok"
        failures += bool(hits)
        print(f"[{flag}] ({lang}/{kind}) {q}")
        for t, k in hits:
            print(f"     absent term {t!r} found in {k}")
        if review:
            name, key = review
            for s in sentences(texts[name]):
                if fold(key) in fold(s):
                    print(f"     review {name}: {s[:220]}")
        qw = {w for w in WORD.findall(fold(q)) if w not in STOP and len(w) > 2}
        best = max(sents, key=lambda ks: len(qw & set(WORD.findall(fold(ks[1])))))
        ov = len(qw & set(WORD.findall(fold(best[1])))) / max(1, len(qw))
        print(f"     nearest ({ov:.2f}) {best[0]}: {best[1][:200]}")
    print(f"\n{len(UNANSWERABLE)} unanswerable questions, {failures} with an absent term present")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
