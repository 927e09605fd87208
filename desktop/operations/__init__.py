"""Commands the views run: small async functions that write through the DbExecutor (STYLE 2)."""
