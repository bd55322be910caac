"""Proposal texts and the criteria folder several test modules score."""

from __future__ import annotations

from pathlib import Path

EXAMPLE_CRITERIA = Path(__file__).resolve().parents[1] / "criteria" / "example"

# A vendor that commits to everything the example criteria ask, on one page.
ACME_IT_PAGE = [
    "Acme Managed IT: proposal",
    "Acme will respond to Priority 1 incidents within 15 minutes, 24x7.",
    "P1 incidents will be resolved within 4 hours.",
    "Our service desk is staffed 24x7x365 by engineers.",
    "We guarantee 99.95% availability of the managed network.",
    "Managed services cost $110 per user per month.",
]
