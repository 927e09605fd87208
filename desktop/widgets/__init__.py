"""Widgets shared by the views: BE date edit, search box, progress dialog, tag entry."""
