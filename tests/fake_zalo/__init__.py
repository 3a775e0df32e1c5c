"""A fake Zalo Bot API server on 127.0.0.1 for end-to-end tests."""

from .server import FakeZalo, SentCall, running_fake_zalo

__all__ = ["FakeZalo", "SentCall", "running_fake_zalo"]
