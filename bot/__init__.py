"""Chat channels, the conversation core and the command line."""
