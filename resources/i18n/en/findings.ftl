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

## read while the quotation is read (engine/quotes/read.py, layout.py)
finding-several-sheets = the workbook holds { $count } quotation sheets; sheet '{ $sheet }' (the active one) was read, not { $others }: to read another, make it the active sheet (select it and save) and import the file again
finding-currencies = rows 1-{ $row }: the letterhead and headers name { $named }; prices read as { $first }, the first named
finding-qty-not-number = row { $row }: quantity '{ $text }' is not a number; the line was left out
finding-figure-not-number = row { $row }: { $field } '{ $text }' is not a number; the line was left out
finding-no-part = row { $row }: figures without a part number or a description; the row was left out
finding-no-qty = row { $row }: no quantity; taken as 1
finding-per-system = row { $row }: every component quantity of this configured system is a multiple of its { NUMBER($systems, useGrouping: 0) } systems; read as per system, but they may be summed: say so in the quantity header (e.g. 'Total Qty') if they are
finding-columns = row { $row }: columns { $columns } could each be the { $field }; '{ $chosen }' was taken: correct the mapping if that is wrong

## a line whose figures are no figures of a cluster quotation (engine/quotes/read.py,
## resources/quotes.toml [plausible]); it is left out, not summed
finding-implausible = row { $row }: { $problem }; the line was left out, not summed
implausible-qty-negative = a quantity of { $qty }: a quoted quantity is never below 0
implausible-qty-large = a quantity of { $qty }, more than the { $most } units a line holds
implausible-negative = a { $what ->
        [unit-price] unit price
        [total] total
       *[amount] quantity × unit price
    } of { $value } below 0 on a line that does not say it is a discount (a discount line says 'discount' or '折扣')
implausible-large = a { $what ->
        [unit-price] unit price
        [total] total
       *[amount] quantity × unit price
    } of { $value } { $currency }, more than the { $most } { $currency } a line holds

## a unit price outside its kind of part's range (engine/plausible.py, resources/quotes.toml
## [plausible.parts]): a quotation's line and a price list's entry alike
plausible-price = unit price { $price } { $currency } is not a plausible price of { $kind ->
        [optics] optics
        [rack_power] rack and power
       *[other] { $kind }
    } parts, which lie between { $low } and { $high } { $currency } (resources/quotes.toml [plausible.parts.{ $kind }])
price-refused-line = { $path }, line { $line }, column unit_price: { $problem }
price-refused-item = item { $item }, column unit_price: { $problem }
