"""The reminder engine as a service: planning, composing and delivery of the mornings."""

from bot.engine.delivery import SentRecord, TickReport, retry_delay
from bot.engine.service import ReminderEngine, default_worker_id

__all__ = ["ReminderEngine", "SentRecord", "TickReport", "default_worker_id", "retry_delay"]
