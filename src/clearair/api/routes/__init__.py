"""The app's routes, one module per resource; ``web`` holds the HTML pages."""
