"""Build qa.jsonl (and meta/unanswerable_kinds.json) from qa_answerable.py and qa_unanswerable.py."""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from qa_answerable import QA  # noqa: E402
from qa_unanswerable import UNANSWERABLE  # noqa: E402


def main():
    items, kinds = [], {}
    n = 0
    for source, lang, qtype, question, answers in QA:
        n += 1
        items.append({"id": f"nd-{n:03d}", "question": question, "lang": lang, "type": qtype,
                      "answers": answers, "sources": [source]})
    for lang, kind, question, _absent, _review in UNANSWERABLE:
        n += 1
        qid = f"nd-{n:03d}"
        kinds[qid] = kind
        items.append({"id": qid, "question": question, "lang": lang, "type": "unanswerable",
                      "answers": [], "sources": []})
    with open(ROOT / "qa.jsonl", "w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps(it, ensure_ascii=False) + "\n")
    (ROOT / "meta").mkdir(exist_ok=True)
    legend = {"a": "on-topic: an article covers the subject but never gives this detail",
              "b": "a related but different event or entity that no article covers",
              "c": "off-topic news that no article covers"}
    (ROOT / "meta" / "unanswerable_kinds.json").write_text(
        json.dumps({"legend": legend, "kinds": kinds}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(len(items), "items written")


if __name__ == "__main__":
    main()
