"""User-facing text: Jinja2 templates, rendering and exports."""
