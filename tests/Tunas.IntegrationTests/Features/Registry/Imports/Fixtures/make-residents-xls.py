# Writes residents.xls, the old-Excel (BIFF8) fixture of the import tests, with Debian's python3-xlwt:
#   apt-get install python3-xlwt && /usr/bin/python3 make-residents-xls.py
# Synthetic people only. Row 3 holds its NIK in a number cell, as Excel does when the column is not Text.
import datetime
import xlwt

book = xlwt.Workbook(encoding="utf-8")
sheet = book.add_sheet("Penduduk")
date = xlwt.easyxf(num_format_str="DD/MM/YYYY")
for col, name in enumerate(["NIK", "NAMA_LENGKAP", "JK", "TGL_LAHIR", "KELURAHAN", "DESIL"]):
    sheet.write(0, col, name)
rows = [
    ("3572014107900911", "Sri Lestari", "P", datetime.date(1990, 7, 1), "Kauman", 3),
    (3572010101850912, "Bambang Santoso", "L", "01/01/1985", "Sentul", 2),
    ("3572015203880913", "Ani Rahayu", "P", "1988-03-12", "35.72.01.1006", None),
]
for r, row in enumerate(rows, start=1):
    for c, value in enumerate(row):
        if value is None:
            continue
        if isinstance(value, datetime.date):
            sheet.write(r, c, value, date)
        else:
            sheet.write(r, c, value)
book.save("residents.xls")
