"""Realistic synthetic Thai data at national scale, for demos, benchmarks and tests.

``populate(database, members=393_000, seed=1)`` writes about 7,850 local administrative
organisations over the 77 provinces, the members with names, national IDs, contacts, posts,
strengths and PDPA consent, a national association with provincial clubs and committees, and
three fiscal years of dues, in one transaction.
"""

from db.demo.populate import DemoCancelled, DemoSummary, Progress, populate
from db.demo.reference import DemoError

__all__ = ["DemoCancelled", "DemoError", "DemoSummary", "Progress", "populate"]
