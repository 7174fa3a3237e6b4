"""Article files are never lost: no overwrites, no links followed out of the folder, no hidden names,
sizes checked before reading, UTF-16 decoded, and an unfinished first build reported as such."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding

from bot.errors import ArticleError
from bot.settings import Settings
from index.loading import load_folder, parse_article
from index.store import Store
from index.sync.builder import add_files, build_index
from index.sync.operations import index_stats, open_store

ROOT = Path(__file__).resolve().parent.parent
SEED = "000_08c572ea12177823.txt"
STORY = "Mumbai, March 3 (PTI): The city opened a new metro line on Sunday, officials said. " * 4


def docs_in(store: Store) -> set[str]:
    return {str(c.metadata["doc_id"]) for c in store.iter_chunks()}


@pytest.fixture
def store(settings: Settings, fake_embeddings: DeterministicFakeEmbedding) -> Store:
    store = Store(settings, fake_embeddings)
    build_index(settings, store)
    return store


def test_an_added_file_named_like_another_article_is_kept_beside_it(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    seed = settings.articles_dir / SEED
    original = seed.read_bytes()
    other = tmp_path / "upload" / SEED
    other.parent.mkdir()
    other.write_text(STORY, "utf-8")
    report = add_files([other], settings, store)
    kept = SEED.replace(".txt", "-2.txt")
    assert report.kept_as == {SEED: kept} and f"kept as {kept}" in report.summary()
    assert seed.read_bytes() == original  # never overwritten
    assert (settings.articles_dir / kept).read_text("utf-8") == STORY
    assert {SEED, kept} <= docs_in(store)
    # The same file again, and the seed's own bytes under its own name: nothing changes.
    again = add_files([other], settings, store)
    assert again.chunks_added == 0 and again.already == [kept] and again.kept_as == {SEED: kept}
    same = tmp_path / "copy" / SEED
    same.parent.mkdir()
    same.write_bytes(original)
    unchanged = add_files([same], settings, store)
    assert unchanged.chunks_added == 0 and unchanged.already == [SEED] and unchanged.kept_as == {}
    assert not (settings.articles_dir / SEED.replace(".txt", "-3.txt")).exists()


def test_links_out_of_the_folder_are_never_followed(settings: Settings, store: Store, tmp_path: Path) -> None:
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("The launch code is ZX-42-ALPHA, said the keeper of the vault. " * 3, "utf-8")
    link = settings.articles_dir / "notes.txt"
    link.symlink_to(secret)
    report = build_index(settings, store)
    assert "notes.txt" not in docs_in(store)
    assert [s.path.name for s in report.skipped] == ["notes.txt"] and "outside" in report.skipped[0].reason
    with pytest.raises(ArticleError, match="outside the articles folder"):
        add_files([link], settings, store)
    # An upload with the link's name is kept under a new name, not written through the link.
    upload = tmp_path / "upload" / "notes.txt"
    upload.parent.mkdir()
    upload.write_text(STORY, "utf-8")
    added = add_files([upload], settings, store)
    assert added.kept_as == {"notes.txt": "notes-2.txt"}
    assert "ZX-42-ALPHA" in secret.read_text("utf-8") and link.is_symlink()
    assert "notes-2.txt" in docs_in(store)


def test_a_link_inside_the_folder_is_read(settings: Settings, store: Store) -> None:
    target = settings.articles_dir / "story.txt"
    target.write_text(STORY, "utf-8")
    (settings.articles_dir / "alias.txt").symlink_to(target)
    articles, skipped = load_folder(settings.articles_dir, max_bytes=settings.max_upload_bytes)
    assert {"story.txt", "alias.txt"} <= {a.doc_id for a in articles} and skipped == []


@pytest.mark.parametrize("name", [".hidden.txt", "notes.pdf", "README"])
def test_names_the_folder_would_skip_are_refused(
    settings: Settings, store: Store, tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_text(STORY, "utf-8")
    with pytest.raises(ArticleError, match=r"hidden files|only \.txt, \.md and \.html"):
        add_files([path], settings, store)
    assert not (settings.articles_dir / name).exists()


def test_htm_is_added_and_synced_alike(settings: Settings, store: Store, tmp_path: Path) -> None:
    page = tmp_path / "page.htm"
    page.write_text(f"<html><body><p>{STORY}</p></body></html>", "utf-8")
    add_files([page], settings, store)
    assert "page.htm" in docs_in(store)
    assert build_index(settings, store).chunks_removed == 0  # the folder sync keeps it


@pytest.mark.skipif(not Path("/proc/self/io").exists(), reason="reads the process's I/O counters")
def test_a_file_over_the_limit_is_refused_before_it_is_read(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(200_000_000)  # sparse: takes no disk, but reading it would read 200 MB

    def bytes_read() -> int:
        io = dict(line.split(": ") for line in Path("/proc/self/io").read_text().splitlines())
        return int(io["rchar"])

    before = bytes_read()
    with pytest.raises(ArticleError, match="over the 2,000,000-byte limit"):
        add_files([huge], settings, store)
    huge.rename(settings.articles_dir / "huge.txt")
    skipped = build_index(settings, store).skipped
    assert [s.path.name for s in skipped] == ["huge.txt"] and "over the" in skipped[0].reason
    assert bytes_read() - before < 20_000_000


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_unicode_files_with_a_byte_order_mark_are_decoded(encoding: str) -> None:
    text = "नई दिल्ली, 3 मार्च: मुंबई में रविवार को नई मेट्रो लाइन खुली। " * 3
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    article = parse_article(data, "hindi.txt", max_bytes=10_000)
    assert "मेट्रो लाइन" in article.text


def test_utf16_without_a_mark_says_how_to_fix() -> None:
    with pytest.raises(ArticleError, match=r"UTF-16 without a byte-order mark.*UTF-8"):
        parse_article(STORY.encode("utf-16-le"), "story.txt", max_bytes=10_000)


def test_stats_after_a_first_build_stopped_before_any_write_say_it_did_not_finish(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(settings)  # the real embedder, interrupted before it embeds anything

    def killed(texts: list[str]) -> list[list[float]]:
        raise KeyboardInterrupt

    monkeypatch.setattr(store.embeddings, "embed_documents", killed)
    with pytest.raises(KeyboardInterrupt):
        build_index(settings, store)
    stats = index_stats(settings, store=store)
    assert stats.chunks == 0 and not stats.complete and stats.built_at
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBOT_")} | {
        "NEWSBOT_INDEX_DIR": str(settings.index_dir),
        "NEWSBOT_ARTICLES_DIR": str(settings.articles_dir),
        "NEWSBOT_COLLECTION": settings.collection,
    }
    out = subprocess.run(
        [sys.executable, "-m", "index", "--stats"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0
    assert "did not finish: run `python -m index`" in out.stdout
