"""All tables; importing this package registers them on SQLModel.metadata."""

from storage.models.audit import AuditEntry
from storage.models.calendar import CalendarOverride
from storage.models.outbox import MessageRef, Notification
from storage.models.people import ChannelIdentity, ChatLink, Invite, Person
from storage.models.plans import Assignment, Occurrence, Plan, Task
from storage.models.tracking import EvidenceFile, StatusUpdate
from storage.models.units import Unit, UnitAlias, UnitGroup, UnitGroupAlias, UnitGroupMember

__all__ = [
    "Assignment",
    "AuditEntry",
    "CalendarOverride",
    "ChannelIdentity",
    "ChatLink",
    "EvidenceFile",
    "Invite",
    "MessageRef",
    "Notification",
    "Occurrence",
    "Person",
    "Plan",
    "StatusUpdate",
    "Task",
    "Unit",
    "UnitAlias",
    "UnitGroup",
    "UnitGroupAlias",
    "UnitGroupMember",
]
