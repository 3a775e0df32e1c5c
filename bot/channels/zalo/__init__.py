"""The Zalo Bot API channel: transport, sender, updates, long polling and webhook."""
