## The reconciliation report (engine/export/reconciliation.py)

recon-title = Vendor quotations reconciled with the plan
recon-subtitle = Totals in { $cur }, excluding VAT, brought to the plan's scope; every adjustment names its source.
recon-like = Like for like
recon-category = Category
recon-computed = Quoted (computed)
recon-normalised = Normalised total
recon-adjustments = Adjustments to the plan's scope
recon-kind = Kind
recon-item = Item
recon-amount = Amount
recon-source = Source
recon-row = Row
recon-drivers = Differences by category (second minus first)
recon-difference = Difference
recon-item_drivers = Largest differences by item (second minus first)
recon-server = GPU server (as configured)
recon-storage-system = Storage system (the vendor's own)
recon-management-server = Management servers (the vendor's own)
recon-quote = Quotation
recon-vendor = Vendor
recon-config = Plan configuration
recon-quote_no = Quote number
recon-date = Date
recon-currency = Currency
recon-basis = Prices
recon-mapping = Columns read
recon-compared = Compared with
recon-basis_list = the plan's list prices: the quotation states its own discount ({ $quote } of its lines; the plan's is { $plan })
recon-basis_net = the plan's list prices less its { $plan } discount
recon-basis_none = the plan's prices (no discount)
recon-stated = Vendor's total (excl. VAT)
recon-lines = Quoted lines
recon-part = Part number
recon-description = Description
recon-qty = Qty
recon-unit = Unit price (as quoted)
recon-total = Total (as quoted)
recon-match = Plan item
recon-score = Score
recon-remark = Remark
recon-unit_plan = Unit price ({ $cur }, excl. VAT)
recon-findings = Findings
recon-expected = Expected
recon-found = Found
recon-message = Message
recon-none = No findings.
recon-sum = Sum of quoted lines (as quoted)
recon-excluded = excluding VAT
recon-included = including VAT
recon-unknown = VAT basis not stated
recon-unmatched = Not in the plan
recon-discount = Discount

## Kinds of finding and adjustment

recon-kind-qty_mismatch = qty_mismatch
recon-kind-price_diff = price_diff
recon-kind-missing = missing
recon-kind-extra = extra
recon-kind-arithmetic = arithmetic
recon-kind-ambiguous = ambiguous
recon-kind-omitted = omitted
recon-kind-qty_shortfall = qty_shortfall
recon-kind-qty_excess = qty_excess
recon-kind-bundled_service = bundled_service
recon-kind-out_of_scope = out_of_scope
recon-spare = Spare: { $item }

## how a quotation's columns were read (engine/quotes/present.py mapping_text)
recon-field = { $field ->
        [seq] seq
        [part_number] part_number
        [description] description
        [qty] qty
        [unit_price] unit_price
        [total] total
        [remark] remark
       *[other] { $field }
    }
recon-columns-read = { $columns }; header row { $row } ({ $origin ->
        [remembered] remembered
        [corrected] corrected
       *[detected] detected
    })
