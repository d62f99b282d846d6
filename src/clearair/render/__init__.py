"""render: views of a Report (terminal now; Markdown/HTML build on the same model)."""
