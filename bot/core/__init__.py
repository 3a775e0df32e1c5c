"""The conversation core: one set of commands and replies for every channel."""
