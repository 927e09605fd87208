"""Reference data: Thai divisions and the editable lists shipped in resources/reference.

- :mod:`db.reference.loader`: ``load_reference_data`` (first start) and ``update_reference_data``;
- :mod:`db.reference.queries`: read functions and editing of the lists;
- :mod:`db.reference.types`: the frozen dataclasses they return;
- :mod:`db.reference.paths`: ``resources_dir()`` in the source tree and in a PyInstaller bundle.
"""
