"""`python -m index.loading.bench_extract`: score newsbot's HTML extraction on the extraction benchmark.

In: a copy of the benchmark (`html/<id>.html.gz`, `ground-truth.json`, `evaluate.py`; default
`../shared/extraction-bench` beside the checkout). Out: the benchmark's own scorer run on newsbot's
text (what `python -m index --preview --json` prints for each page), on the same without newsbot's
clutter filter, and, in the same run, on trafilatura's defaults (`trafilatura.extract(html)`), for
all pages and for each half.

The halves split the pages by the first hex digit of their id (0-7 / 8-f). Extraction settings
were chosen on half A only; half B is held out, so a filter fitted to the pages would show there.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from bot.errors import ArticleError
from bot.settings import PROJECT_ROOT, get_settings
from index.loading.preview import preview

DEFAULT_BENCH = PROJECT_ROOT.parent / "shared" / "extraction-bench"
HALVES: dict[str, Callable[[str], bool]] = {
    "all pages": lambda _id: True,
    "half A (ids 0-7, where settings were chosen)": lambda page_id: page_id[0] < "8",
    "half B (ids 8-f, held out)": lambda page_id: page_id[0] >= "8",
}


def unpack(bench: Path, into: Path) -> list[str]:
    """Write each benchmark page as `<id>.html` into a folder; return the ids in order."""
    ids = []
    for gz in sorted((bench / "html").glob("*.html.gz")):
        page_id = gz.name.removesuffix(".html.gz")
        (into / f"{page_id}.html").write_bytes(gzip.decompress(gz.read_bytes()))
        ids.append(page_id)
    return ids


def newsbot_texts(pages: Path) -> dict[str, str]:
    """newsbot's text for each page, as the preview reads it ('' when it finds no article)."""
    settings = get_settings().model_copy(update={"fetch_max_bytes": 50_000_000})
    texts = {}
    for item in preview([str(pages)], settings):
        texts[Path(item.source).stem] = item.article.text if item.article else ""
    return texts


def unfiltered_texts(pages: Path, ids: list[str]) -> dict[str, str]:
    """newsbot's trafilatura settings without the clutter filter on top: what the filter changes."""
    from index.loading.loader import decode_article
    from index.loading.webpage import extract_page

    texts = {}
    for i in ids:
        path = pages / f"{i}.html"
        try:
            texts[i] = extract_page(decode_article(path.read_bytes(), path.name, max_bytes=50_000_000)).text
        except ArticleError:
            texts[i] = ""
    return texts


def trafilatura_texts(pages: Path, ids: list[str]) -> dict[str, str]:
    """trafilatura 'out of the box': extract() with every option at its default."""
    import trafilatura

    return {i: trafilatura.extract((pages / f"{i}.html").read_bytes()) or "" for i in ids}


def score(
    bench: Path,
    outputs: Mapping[str, Mapping[str, str]],
    keep: Callable[[str], bool],
    versions: Mapping[str, str],
) -> str:
    """Run the benchmark's evaluate.py over these outputs for the kept pages; return what it prints."""
    truth = json.loads((bench / "ground-truth.json").read_text("utf-8"))
    with tempfile.TemporaryDirectory(prefix="newsbot-bench-") as tmp:
        work = Path(tmp)
        kept = {i: v for i, v in truth.items() if keep(i)}
        (work / "ground-truth.json").write_text(json.dumps(kept), "utf-8")
        shutil.copyfile(bench / "evaluate.py", work / "evaluate.py")
        (work / "output").mkdir()
        for name, texts in outputs.items():
            prediction = {i: {"articleBody": texts.get(i, "")} for i in kept}
            payload = {"version": versions[name], "output": prediction}
            (work / "output" / f"{name}.json").write_text(json.dumps(payload), "utf-8")
        done = subprocess.run(
            [sys.executable, "evaluate.py"], cwd=work, capture_output=True, text=True, check=True
        )
    return f"{len(kept)} pages\n{done.stdout.rstrip()}"


def main(argv: list[str] | None = None) -> int:
    """Extract every benchmark page with newsbot and with trafilatura's defaults; print the scores."""
    parser = argparse.ArgumentParser(prog="python -m index.loading.bench_extract", description=__doc__)
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="the benchmark's folder")
    args = parser.parse_args(argv)
    bench: Path = args.bench
    if not (bench / "evaluate.py").exists() or not (bench / "html").is_dir():
        print(f"error: no benchmark at {bench} (html/, ground-truth.json, evaluate.py); use --bench DIR")
        return 2
    from importlib.metadata import version

    with tempfile.TemporaryDirectory(prefix="newsbot-pages-") as tmp:
        pages = Path(tmp)
        ids = unpack(bench, pages)
        started = time.perf_counter()
        ours = newsbot_texts(pages)
        ours_s = time.perf_counter() - started
        started = time.perf_counter()
        plain = trafilatura_texts(pages, ids)
        plain_s = time.perf_counter() - started
        unfiltered = unfiltered_texts(pages, ids)
    outputs = {"newsbot": ours, "newsbot-unfiltered": unfiltered, "trafilatura": plain}
    versions = {
        "newsbot": version("newsbot"),
        "newsbot-unfiltered": version("newsbot"),
        "trafilatura": version("trafilatura"),
    }
    print(f"{len(ids)} pages from {bench}")
    print(
        "newsbot: what `python -m index --preview --json` gives; newsbot-unfiltered: the same trafilatura "
        "settings without newsbot's clutter filter; trafilatura: trafilatura.extract(html) defaults"
    )
    print(f"extraction time: newsbot {ours_s:.1f} s, trafilatura defaults {plain_s:.1f} s (same run)")
    print(
        f"pages with no text: newsbot {sum(not t for t in ours.values())}, "
        f"trafilatura {sum(not t for t in plain.values())}"
    )
    for label, keep in HALVES.items():
        print(f"\n== {label}: {score(bench, outputs, keep, versions)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
