"""Which stored plan a file updates: by code when one is given, else by number, else by title.

Re-importing "Kế hoạch số 12/KH-UBND" updates that plan whatever the file is called; a file
naming another plan under a code already taken is refused, never merged into the wrong plan.
"""

from __future__ import annotations

from sqlmodel import Session, select

from messages import texts
from messages.errors import UserFacingError
from scheduler.folding import fold
from storage.importing.plan_meta import PlanMeta
from storage.models import Plan


def _same(first: str | None, second: str | None) -> bool:
    return bool(first and second) and "".join(fold(first or "").split()) == "".join(
        fold(second or "").split()
    )


def _differs(plan: Plan, meta: PlanMeta) -> bool:
    """The stored plan is another plan than the file's: another number or year, or, without
    numbers, another year and title."""
    if plan.number and meta.number:
        return not _same(plan.number, meta.number) or plan.year != meta.year
    return plan.year != meta.year and not _same(plan.title, meta.title)


def find_plan(session: Session, meta: PlanMeta) -> tuple[Plan | None, str]:
    """The plan to update (None: a new one) and the code it has or will have."""
    if meta.code:
        plan = _by_code(session, meta.code)
        if plan is not None and _differs(plan, meta):
            raise _clash(plan, meta, meta.code)
        return plan, meta.code
    if meta.number:
        for plan in session.exec(select(Plan).where(Plan.year == meta.year)).all():
            if _same(plan.number, meta.number):
                return plan, plan.code
    if meta.title_known:
        for plan in session.exec(select(Plan).where(Plan.year == meta.year)).all():
            if _same(plan.title, meta.title) and not (plan.number and meta.number):
                return plan, plan.code
    code = meta.fallback_code
    plan = _by_code(session, code)
    if plan is not None and _differs(plan, meta) and meta.number:
        # The same number in another year ("12/KH-UBND" of 2024 and of 2025): the year tells
        # the two plans apart.
        code = f"{meta.number}-{meta.year}"[:100]
        plan = _by_code(session, code)
    if plan is not None and _differs(plan, meta):
        raise _clash(plan, meta, code)
    return plan, code


def _by_code(session: Session, code: str) -> Plan | None:
    return session.exec(select(Plan).where(Plan.code == code)).first()


def _clash(plan: Plan, meta: PlanMeta, code: str) -> UserFacingError:
    return UserFacingError(
        texts.text(
            "import",
            "plan_clash",
            code=code,
            title=plan.title,
            year=plan.year,
            number=plan.number or "",
            file_number=meta.number or "",
            suggestion=meta.number
            if meta.number and meta.number != code
            else f"{code}-{meta.year}",
        )
    )
