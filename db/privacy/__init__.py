"""PDPA rights of a member: access (everything held, as JSON and PDF) and erasure (anonymising).

- :mod:`db.privacy.access`: :func:`~db.privacy.access.member_data` gathers everything the
  database holds about one member; :func:`~db.privacy.access.write_access_json` writes it.
- :mod:`db.privacy.erasure`: :func:`~db.privacy.erasure.erase_member` wipes a member's personal
  fields and every copy that could bring them back, keeping what statistics need.
"""
