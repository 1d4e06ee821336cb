import json
import sys
from pathlib import Path

import pytest
import torch

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
LAYOUTS = HERE / "layouts"


@pytest.fixture(autouse=True)
def _single_thread():
    # The suite runs on small shared machines; one thread is fastest for these tiny models.
    torch.set_num_threads(1)


def layout(name: str) -> dict:
    return json.loads((LAYOUTS / f"{name}.json").read_text())
