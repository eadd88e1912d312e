"""CSV files people open in spreadsheets, safe against formula injection (IO-5).

A text cell that a spreadsheet could read as a formula (it starts with = + - @, a tab or a
carriage return, perhaps after spaces) gets a leading apostrophe, as OWASP advises. Numbers are
written as numbers. NUL characters are dropped: no spreadsheet needs them.
"""

import csv
import io

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int):
        return value
    text = str(value).replace("\x00", "")
    if text.lstrip(" ").startswith(TRIGGERS) or text.startswith(TRIGGERS):
        return "'" + text
    return text


def csv_text(header: list[str], rows) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180
    writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()
