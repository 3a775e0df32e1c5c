"""Plan appendices of provinces and ministries kept as Markdown in a public document archive.

Written like real_plans.py (whose docstring says how a rebuild is made and checked).
"""

from __future__ import annotations

from record import RealPlan

MINED_PLANS: list[RealPlan] = []
