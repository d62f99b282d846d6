"""api: the FastAPI app (REST API and the local web page) and `clearair serve`."""
