"""Developer tools (not shipped in the app): translations, icons."""
