"""The pages of the settings window (desktop/settings_dialog.py), one module each.

Every page is a QWidget with ``title()`` (its name in the page list, translated now),
``validate() -> bool`` (shows its own problems and says whether it may be saved),
``is_modified() -> bool`` and ``retranslate()``. Pages that save to the database do it in an
``async save()``; the General page saves to the user's QSettings synchronously.
"""
