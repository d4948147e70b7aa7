## Reconciliation findings: what a vendor's quotation differs in (engine.quotes.model.said(..., "<code>")
## is finding-<code>). Parts are named by description and part number, never the plan's ids.

finding-vendor-unplanned = the quotation's vendor ({ $vendor }) has no configuration in the plan; matched against the closest one
finding-no-currency = the quotation does not state its currency; read as { $currency }, the plan's
finding-no-vat-basis = the quotation does not say whether its prices include VAT; read as excluding VAT
finding-ambiguous-match = row { $row }: '{ $text }' matches { $part } ({ NUMBER($score, minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: 0) }) about as well as { $rivals }; { $part } was taken
finding-extra = row { $row }: '{ $text }' (qty { NUMBER($qty, useGrouping: 0) }) is not in the plan
finding-qty = row { $row }: { $part } quoted { NUMBER($found, useGrouping: 0) }, the plan needs { NUMBER($expected, useGrouping: 0) }
finding-qty-spares = row { $row }: { $part } quoted { NUMBER($found, useGrouping: 0) }, the plan needs { NUMBER($expected, useGrouping: 0) } ({ NUMBER($installed, useGrouping: 0) } installed and { NUMBER($spares, useGrouping: 0) } spares)
finding-price = row { $row }: { $part } at { NUMBER($found, minimumFractionDigits: 2, maximumFractionDigits: 2) } { $currency } excl. VAT, the plan's price is { NUMBER($expected, minimumFractionDigits: 2, maximumFractionDigits: 2) } ({ $change_signed })
finding-price-list = row { $row }: { $part } at { NUMBER($found, minimumFractionDigits: 2, maximumFractionDigits: 2) } { $currency } excl. VAT, the plan's list price (the quotation states its own discount) is { NUMBER($expected, minimumFractionDigits: 2, maximumFractionDigits: 2) } ({ $change_signed })
finding-price-discount = row { $row }: { $part } at { NUMBER($found, minimumFractionDigits: 2, maximumFractionDigits: 2) } { $currency } excl. VAT, the plan's price after its { NUMBER($discount, useGrouping: 0) }% discount is { NUMBER($expected, minimumFractionDigits: 2, maximumFractionDigits: 2) } ({ $change_signed })
finding-missing = { $part } × { NUMBER($qty, useGrouping: 0) } is in the plan but not in the quotation
finding-system-without = row { $row }: the system is quoted without { $part }; the plan's holds { NUMBER($per_system, useGrouping: 0) } per system
finding-system-qty = row { $row }: { NUMBER($found, useGrouping: 0) } × { $part } per system quoted, the plan's system holds { NUMBER($expected, useGrouping: 0) }
finding-line-total = row { $row }: { NUMBER($qty, useGrouping: 0) } × { NUMBER($unit, minimumFractionDigits: 2, maximumFractionDigits: 2) } = { NUMBER($expected, minimumFractionDigits: 2, maximumFractionDigits: 2) }, but the line total says { NUMBER($found, minimumFractionDigits: 2, maximumFractionDigits: 2) } (off by { NUMBER($off, minimumFractionDigits: 2, maximumFractionDigits: 2) })
finding-subtotal = row { $row }: the subtotal should be { NUMBER($expected, minimumFractionDigits: 2, maximumFractionDigits: 2) } (the lines above it), but the quotation says { NUMBER($found, minimumFractionDigits: 2, maximumFractionDigits: 2) } (off by { NUMBER($off, minimumFractionDigits: 2, maximumFractionDigits: 2) })
finding-tax-rate = row { $row }: the VAT should be { NUMBER($expected, minimumFractionDigits: 2, maximumFractionDigits: 2) } ({ NUMBER($rate, style: "percent", maximumFractionDigits: 0) } of the lines{ $included ->
        [True] {" "}(included)
       *[other] {""}
    }), but the quotation says { NUMBER($found, minimumFractionDigits: 2, maximumFractionDigits: 2) } (off by { NUMBER($off, minimumFractionDigits: 2, maximumFractionDigits: 2) })
finding-tax-mixed = row { $row }: the VAT should be { NUMBER($expected, minimumFractionDigits: 2, maximumFractionDigits: 2) } ({ NUMBER($goods_rate, style: "percent", maximumFractionDigits: 0) } on goods of { NUMBER($goods, minimumFractionDigits: 2, maximumFractionDigits: 2) }, { NUMBER($services_rate, style: "percent", maximumFractionDigits: 0) } on services of { NUMBER($services, minimumFractionDigits: 2, maximumFractionDigits: 2) }{ $included ->
        [True] {" "}(included)
       *[other] {""}
    }), but the quotation says { NUMBER($found, minimumFractionDigits: 2, maximumFractionDigits: 2) } (off by { NUMBER($off, minimumFractionDigits: 2, maximumFractionDigits: 2) })
finding-taxes-together = rows { $rows }: the VAT rows add up to { NUMBER($found, minimumFractionDigits: 2, maximumFractionDigits: 2) }, but the lines' VAT at { NUMBER($low, style: "percent", maximumFractionDigits: 0) } to { NUMBER($high, style: "percent", maximumFractionDigits: 0) } is { NUMBER($least, minimumFractionDigits: 2, maximumFractionDigits: 2) } to { NUMBER($most, minimumFractionDigits: 2, maximumFractionDigits: 2) } (off by { NUMBER($off, minimumFractionDigits: 2, maximumFractionDigits: 2) })
finding-grand-total = row { $row }: the grand total should be { NUMBER($expected, minimumFractionDigits: 2, maximumFractionDigits: 2) } (the lines, discounts and VAT), but the quotation says { NUMBER($found, minimumFractionDigits: 2, maximumFractionDigits: 2) } (off by { NUMBER($off, minimumFractionDigits: 2, maximumFractionDigits: 2) })
