"""The change history on screen: a member's history in the profile, and Edit → Undo."""
