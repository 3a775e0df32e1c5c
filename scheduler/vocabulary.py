"""Closed vocabularies of the domain, stored as short strings (portable across databases)."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    STAFF = "staff"
    FOCAL_POINT = "focal_point"
    LEADER = "leader"
    ADMIN = "admin"


class Channel(StrEnum):
    TELEGRAM = "telegram"
    ZALO = "zalo"
    CONSOLE = "console"


class Audience(StrEnum):
    UNIT = "unit"
    LEADERS = "leaders"


class AssignmentRole(StrEnum):
    LEAD = "lead"
    COORDINATING = "coordinating"


class DeadlineKind(StrEnum):
    ONCE = "once"
    RECURRING = "recurring"
    CONTINUOUS = "continuous"
    ON_REQUEST = "on_request"
    RELATIVE = "relative"
    UNKNOWN = "unknown"
    MULTIPLE = "multiple"


class Status(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    BLOCKED = "blocked"
    DONE = "done"


class NotificationState(StrEnum):
    PENDING = "pending"
    CLAIMED = "claimed"
    SENT = "sent"
    PARKED = "parked"
    SUPERSEDED = "superseded"


class CalendarOverrideKind(StrEnum):
    DAY_OFF = "day_off"
    WORKING_DAY = "working_day"
