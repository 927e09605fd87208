"""A member's PDPA rights in the app: export their data (PDF + JSON) and erase it.

- :mod:`desktop.privacy.erase_dialog`: the confirmation dialog (what is wiped and kept, the
  reason, typing the ID's last 4 digits or ลบ);
- :mod:`desktop.privacy.commands`: the two commands the member actions run.
"""
