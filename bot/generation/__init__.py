"""Generation: a cited answer written by an LLM, every citation checked in code.

In: the question, the retrieved passages, the conversation and a chat model (any OpenAI-compatible
server, or a local GGUF file run by llama-cpp-python). Out: a standalone rewrite of a follow-up, the
reply streamed as it is written, then a checked `Answer` whose every [n] names a passage that
supports its sentence (or the extractive answer when the reply cannot be trusted).
"""

from bot.generation.generate import generate_answer, rewrite_question, stream_generated_answer
from bot.generation.llm import build_chat_model, complete, stream_reply
from bot.generation.prompts import PromptSource, answer_messages, format_sources, rewrite_messages
from bot.generation.verification import CheckedAnswer, SupportPolicy, check_answer, split_claims

__all__ = [
    "CheckedAnswer",
    "PromptSource",
    "SupportPolicy",
    "answer_messages",
    "build_chat_model",
    "check_answer",
    "complete",
    "format_sources",
    "generate_answer",
    "rewrite_messages",
    "rewrite_question",
    "split_claims",
    "stream_generated_answer",
    "stream_reply",
]
