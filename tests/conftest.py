"""Shared pytest setup: fixture plugins every test module may use."""

pytest_plugins = ["tests.chroma_fixture"]
