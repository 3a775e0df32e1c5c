"""Published plan appendices of districts, communes and schools, rebuilt as fixtures.

Written like real_plans.py (whose docstring says how a rebuild is made and checked).
"""

from __future__ import annotations

from record import RealPlan

LOCAL_PLANS: list[RealPlan] = []
