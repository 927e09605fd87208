"""Bulk data in and out: member import from .xlsx/.xls/.ods/.csv (and export, by its own module).

Import, in the order a wizard uses it:

- :func:`db.io.readers.list_sheets` / :func:`db.io.readers.read_table`: the file's sheets and
  cells; problems are :class:`db.io.readers.ImportFileError` with a stable ``code``;
- :func:`db.io.headers.detect_header`: the header row under titles, with two-row headers;
- :func:`db.io.mapping.auto_map`, :class:`db.io.mapping.ColumnMapping`,
  :func:`db.io.mapping.save_mapping` / :func:`db.io.mapping.load_mapping`;
- :func:`db.io.import_members.preview` and :func:`db.io.import_members.import_members`
  (all or nothing, progress and cancel), returning :class:`db.io.import_report.ImportReport`;
- :func:`db.io.import_report.write_error_report`: the rejected rows as an .xlsx to fix;
- :func:`db.io.undo_import.undo_import`: an import undone as one step.
"""
