"""A corpus copied to a scratch folder and scored once: what the review app opens in the
browser test and the review benchmark."""

from __future__ import annotations

import shutil
from pathlib import Path

from msp_select import api


def scored_copy(corpus: Path, root: Path) -> api.ReadOptions:
    """Copy `corpus`'s proposals and criteria into `root` (the corpus is never modified), score
    them into root/out with no sensitivity samples; the options that read them again from the
    parse cache in root/cache."""
    shutil.copytree(corpus / "proposals", root / "proposals")
    shutil.copytree(corpus / "criteria", root / "criteria")
    options = api.ReadOptions(cache_dir=str(root / "cache"))
    api.score(
        root / "proposals", root / "criteria", root / "out", options, api.ScoreOptions(samples=0)
    )
    return options
