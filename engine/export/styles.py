"""Named styles of the quote workbook, registered once per workbook."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

CURRENCY_SYMBOLS = {"CNY": "¥", "USD": "$", "EUR": "€"}

_THIN = Side(style="thin", color="A6A6A6")
_MEDIUM = Side(style="medium", color="1F3864")
_DOUBLE = Side(style="double", color="1F3864")
_HEADER_FILL = PatternFill("solid", fgColor="1F3864")
_GROUP_FILL = PatternFill("solid", fgColor="D9E1F2")
_TOTAL_FILL = PatternFill("solid", fgColor="FFF2CC")
_INPUT_FILL = PatternFill("solid", fgColor="FFFF99")
_OVERRIDE_FILL = PatternFill("solid", fgColor="FCE4D6")  # a line the user set or added
WARNING_RED = "C00000"
WARNING_FILL = "FFC7CE"  # a figure the sheet shows is stale


def money_format(currency: str) -> str:
    symbol = CURRENCY_SYMBOLS.get(currency)
    if symbol is None:
        return f'#,##0.00 "{currency}";-#,##0.00 "{currency}"'
    return f'"{symbol}"#,##0.00;-"{symbol}"#,##0.00'


def money_style(currency: str, variant: str = "") -> str:
    """The name of the money style for ``currency``; variant "" | "sub" | "total"."""
    return f"cq_money_{currency}" + (f"_{variant}" if variant else "")


def register_styles(wb: Workbook, lang: str, currencies: set[str]) -> None:
    """Add every named style to ``wb`` (call once, right after creating it)."""
    font_name = "DengXian" if lang == "zh" else "Calibri"

    def font(**kw: object) -> Font:
        return Font(name=font_name, size=kw.pop("size", 10), **kw)

    def digits(**kw: object) -> Font:
        """Figures in Calibri in both languages: the column widths are counted in its digits."""
        return Font(name="Calibri", size=kw.pop("size", 10), **kw)

    styles: list[NamedStyle] = [
        NamedStyle("cq_title", font=font(size=14, bold=True, color="1F3864")),
        NamedStyle("cq_subtitle", font=font(size=9, italic=True, color="595959")),
        NamedStyle("cq_section", font=font(size=11, bold=True, color="1F3864"),
                   border=Border(bottom=_MEDIUM)),
        NamedStyle("cq_header", font=font(bold=True, color="FFFFFF"), fill=_HEADER_FILL,
                   alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
                   border=Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)),
        NamedStyle("cq_label", font=font(bold=True)),
        NamedStyle("cq_text", font=font(),
                   alignment=Alignment(horizontal="left", vertical="top", indent=1)),
        NamedStyle("cq_wrap", font=font(),
                   alignment=Alignment(horizontal="left", vertical="top", indent=1,
                                       wrap_text=True)),
        NamedStyle("cq_note", font=font(size=9, color="595959"),
                   alignment=Alignment(horizontal="left", vertical="top", indent=1)),
        NamedStyle("cq_note_wrap", font=font(size=9, color="595959"),
                   alignment=Alignment(horizontal="left", vertical="top", indent=1,
                                       wrap_text=True)),
        NamedStyle("cq_center", font=font(),
                   alignment=Alignment(horizontal="center", vertical="top")),
        NamedStyle("cq_label_top", font=font(bold=True), alignment=Alignment(vertical="top")),
        NamedStyle("cq_group", font=font(bold=True), fill=_GROUP_FILL),
        NamedStyle("cq_sub_label", font=font(bold=True),
                   alignment=Alignment(horizontal="right"), border=Border(top=_THIN)),
        NamedStyle("cq_sum_label", font=font(bold=True),
                   alignment=Alignment(horizontal="right")),
        NamedStyle("cq_total_label", font=font(bold=True, size=11), fill=_TOTAL_FILL,
                   alignment=Alignment(horizontal="right"),
                   border=Border(top=_THIN, bottom=_DOUBLE)),
        NamedStyle("cq_int", font=digits(), number_format="#,##0"),
        NamedStyle("cq_num", font=digits(), number_format="#,##0.00"),
        NamedStyle("cq_num1", font=digits(), number_format="#,##0.0"),
        NamedStyle("cq_num3", font=digits(), number_format="0.000"),
        NamedStyle("cq_pct", font=digits(), number_format="0.0%"),
        NamedStyle("cq_sci", font=digits(), number_format="0.000E+00"),
        NamedStyle("cq_date", font=digits(), number_format="yyyy-mm-dd",
                   alignment=Alignment(horizontal="left")),
        NamedStyle("cq_input_pct", font=digits(bold=True, color="1F3864"), fill=_INPUT_FILL,
                   number_format="0.00%", alignment=Alignment(horizontal="left"),
                   border=Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)),
        NamedStyle("cq_input_num", font=digits(bold=True, color="1F3864"), fill=_INPUT_FILL,
                   number_format="0.0000", alignment=Alignment(horizontal="left"),
                   border=Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)),
        NamedStyle("cq_input_int", font=digits(bold=True, color="1F3864"), fill=_INPUT_FILL,
                   number_format="0", alignment=Alignment(horizontal="left"),
                   border=Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)),
        NamedStyle("cq_label_wrap", font=font(bold=True),
                   alignment=Alignment(vertical="top", wrap_text=True)),
        NamedStyle("cq_words", font=font(bold=True, size=11), fill=_TOTAL_FILL,
                   alignment=Alignment(horizontal="left", vertical="center", wrap_text=True),
                   border=Border(top=_THIN, bottom=_DOUBLE)),
        NamedStyle("cq_warning", font=font(bold=True, color=WARNING_RED),
                   alignment=Alignment(horizontal="left", vertical="center", wrap_text=True)),
        NamedStyle("cq_price_factor", font=font(italic=True, color="595959"),
                   number_format=('"按标价的 "0.0%" 支付"' if lang == "zh" else '"pay "0.0%" of list"'),
                   alignment=Alignment(horizontal="left")),
        NamedStyle("cq_fill", font=font(), border=Border(bottom=_THIN),
                   alignment=Alignment(horizontal="left", vertical="bottom", indent=1,
                                       wrap_text=True)),
        NamedStyle("cq_override", font=font(bold=True, color="C65911"), fill=_OVERRIDE_FILL,
                   alignment=Alignment(horizontal="left", vertical="top", indent=1)),
        NamedStyle("cq_override_wrap", font=font(), fill=_OVERRIDE_FILL,
                   alignment=Alignment(horizontal="left", vertical="top", indent=1,
                                       wrap_text=True)),
        # English text (engine notes, sources) in a Chinese workbook: in the Latin font the
        # figures use, narrower than the CJK font's Latin letters, so rows stay one line lower
        NamedStyle("cq_wrap_latin", font=digits(),
                   alignment=Alignment(horizontal="left", vertical="top", indent=1,
                                       wrap_text=True)),
        NamedStyle("cq_note_wrap_latin", font=digits(size=9, color="595959"),
                   alignment=Alignment(horizontal="left", vertical="top", indent=1,
                                       wrap_text=True)),
        NamedStyle("cq_part", font=font(size=9, color="595959"),
                   alignment=Alignment(horizontal="left", vertical="top", indent=1)),
        NamedStyle("cq_part_int", font=digits(size=9, color="595959"), number_format="#,##0"),
    ]
    for currency in sorted(set(CURRENCY_SYMBOLS) | currencies):
        fmt = money_format(currency)
        styles += [
            NamedStyle(money_style(currency), font=digits(), number_format=fmt),
            NamedStyle(money_style(currency, "sub"), font=digits(bold=True), number_format=fmt,
                       border=Border(top=_THIN)),
            NamedStyle(money_style(currency, "bold"), font=digits(bold=True), number_format=fmt),
            NamedStyle(money_style(currency, "input"), font=digits(bold=True, color="1F3864"),
                       number_format=fmt, fill=_INPUT_FILL,
                       border=Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)),
            NamedStyle(money_style(currency, "total"), font=digits(bold=True, size=11),
                       number_format=fmt, fill=_TOTAL_FILL,
                       border=Border(top=_THIN, bottom=_DOUBLE)),
        ]
    for style in styles:
        if style.alignment == Alignment():  # rows with wrapped text: everything reads from the top
            style.alignment = Alignment(vertical="top")
        wb.add_named_style(style)
