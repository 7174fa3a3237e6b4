"""Review helper: for each answerable question, show the article sentence(s) holding an alias and
the share of the question's content words that also occur in that sentence (high = copied wording)."""
import json
import pathlib
import re
import sys
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parent.parent
WORD = re.compile(r"[\w\u0900-\u0963\u0966-\u097F\u200c\u200d]+")
STOP = set("""a an the and or but of at by for with about to from in on is are was were be been did do does
what which who whom when where why how many much whose this that these those it its his her their has have had
according new so far into than as per""".split())
STOP |= set("का के की को में से पर ने है हैं था थे थी और या भी तो ही एक यह वह इस उस कि लिए क्या कौन किस किसने कब कहां कितने कितना कितनी कैसे हुआ हुई गया गई""".split())


def fold(t):
    return unicodedata.normalize("NFKC", t).casefold()


def sentences(text):
    out = []
    for para in text.split("\n\n"):
        out += [s.strip() for s in re.split(r"(?<=[.?!।])\s+", para) if s.strip()]
    return out


def main(threshold):
    for line in (ROOT / "qa.jsonl").read_text(encoding="utf-8").splitlines():
        it = json.loads(line)
        if not it["answers"]:
            continue
        text = (ROOT / "articles" / it["sources"][0]).read_text(encoding="utf-8")
        sents = [s for s in sentences(text) if any(fold(a) in fold(s) for a in it["answers"])]
        qw = {w for w in WORD.findall(fold(it["question"])) if w not in STOP and len(w) > 2}
        best, best_s = 0.0, ""
        for s in sents:
            sw = set(WORD.findall(fold(s)))
            ov = len(qw & sw) / max(1, len(qw))
            if ov >= best:
                best, best_s = ov, s
        if best >= threshold:
            print(f"{it['id']} [{it['type']}/{it['lang']}] overlap={best:.2f} n_sent={len(sents)}\n  Q: {it['question']}\n  A: {it['answers']}\n  S: {best_s[:300]}\n")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 0.0)
