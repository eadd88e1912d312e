import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from copro.framework.services import CONTENT_PATH
from tests.framework.helpers import Content, to_toml


@pytest.fixture
def content() -> Content:
    """A fresh copy of the real content file, to change for a test."""
    return tomllib.loads(CONTENT_PATH.read_text(encoding="utf-8"))


@pytest.fixture
def write_content(tmp_path: Path) -> Callable[[Content], Path]:
    def write(data: Content) -> Path:
        path = tmp_path / "framework.toml"
        path.write_text(to_toml(data), encoding="utf-8")
        return path

    return write
