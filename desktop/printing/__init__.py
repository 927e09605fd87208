"""Printed documents: a QTextDocument laid out on A4 in Sarabun and written by QPdfWriter.

- :mod:`desktop.printing.pdf`: :func:`~desktop.printing.pdf.write_pdf`, the one way every
  document (access report, invitations, certificates, minutes) becomes a PDF file;
- :mod:`desktop.printing.access_report`: the PDPA access report of one member.
"""
