"""The member register: queries (search, filter, sort, count), commands (save, delete), profiles.

- ``types``: the plain dataclasses the API takes and returns;
- ``query``: ordered member keys for a filter and sort, screenfuls of rows, counts, facets;
- ``edit``: validation and saving of a member, soft delete and restore;
- ``profile``: one member with groups and dues, suggestions for the editor.
"""
