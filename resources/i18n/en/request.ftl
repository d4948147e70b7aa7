## A refused request field (engine/errors.py RequestError): the field, the value shown and
## what the field allows. The field is named by its request path (the CLI by its flag).

request-refused = { $name }: { $value } is not allowed; { $allowed }
request-missing = { $name } is missing; { $allowed }
request-field = { $label } ({ $field })
request-value-refused = '{ $value }' is not allowed; { $allowed }
request-cli-error = clusterquote: error: { $message }

## what a field allows
allowed-one-of = must be { $choices } or { $last }
allowed-exactly = must be { $choice }
allowed-one-of-or-empty = must be { $choices } or left empty
allowed-range = must be { $low_open ->
        [yes] above
       *[no] at least
    } { $low } and { $high_open ->
        [yes] below
       *[no] at most
    } { $high }
allowed-range-unit = must be { $low_open ->
        [yes] above
       *[no] at least
    } { $low } and { $high_open ->
        [yes] below
       *[no] at most
    } { $high } { $unit }
allowed-whole = must be a whole number, { $low_open ->
        [yes] above
       *[no] at least
    } { $low } and { $high_open ->
        [yes] below
       *[no] at most
    } { $high }
allowed-whole-unit = must be a whole number of { $unit }, { $low_open ->
        [yes] above
       *[no] at least
    } { $low } and { $high_open ->
        [yes] below
       *[no] at most
    } { $high }
allowed-max-chars = must be at most { $most } characters long
allowed-max-items = at most { $most } in one request
allowed-date = must be a date written yyyy-mm-dd, e.g. { $example }
allowed-country = must be a two-letter country code, e.g. { $example }
allowed-discount = give the share off list as 0.15 or 15%, or the price paid as 85折 / 八五折
allowed-gpu-precision = the { $gpu } supports { $have }
allowed-kernel-efficiency = no kernel efficiency for { $architecture } GPUs
allowed-measured-not-both = give tokens/s per GPU or an MFU, not both
allowed-measured-needs = a measured calibration needs the model's parameters, the GPU count and the GPU type it was measured on
allowed-measured-mfu = implies { NUMBER($mfu, style: "percent", maximumFractionDigits: 0) } of the { $gpu }'s dense BF16 peak; a measured MFU { $range }
allowed-measured-form = give { $form }
allowed-count = give a positive number such as 175B, 300B, 1.5T or 175e9
allowed-positive = must be a positive, finite number
allowed-workload-one = give exactly one of: a preset, params with tokens, flops, or pf_days
allowed-known-presets = known presets: { $names }
allowed-known-configs = known configurations: { $names }
allowed-params-and-tokens = give both params and tokens
allowed-finetune-needs-params = fine-tuning tokens need the model's parameter count (a preset or params)
allowed-days-or-gpus = give a deadline in days or a fleet size in GPUs, one of the two
allowed-cannot-run = it cannot run this workload: { $reasons }

## a unit as a range names it (resources/bounds.toml's unit, its non-letters as hyphens)
unit = { $unit ->
       *[other] { $unit }
    }

## the request's fields by name (engine/model.py PlanRequest; resources/bounds.toml)
field-workload = workload
field-workload-preset = preset model
field-workload-params = parameters
field-workload-tokens = training tokens
field-workload-flops = training compute in FLOPs
field-workload-pf_days = training compute in PF/s-days
field-workload-runs = pre-training runs
field-workload-finetune_tokens = fine-tuning tokens
field-workload-tuning_pf_days = fine-tuning compute
field-schedule = deadline or fleet size
field-schedule-days = deadline in days
field-schedule-gpus = fleet size in GPUs
field-schedule-precision = precision
field-schedule-lead_time_days = lead time
field-schedule-confidence = confidence of meeting the deadline
field-efficiency-mfu = MFU
field-efficiency-goodput = goodput
field-efficiency-team = team
field-efficiency-measured = measured run
field-efficiency-measured_tokens_per_s = measured tokens/s per GPU
field-efficiency-measured_mfu = measured MFU
field-efficiency-measured_params = measured model's parameters
field-efficiency-measured_gpus = measured GPU count
field-efficiency-measured_gpu = measured GPU type
field-facility-rack_kw = rack power budget
field-facility-cooling = cooling
field-facility-pue = PUE
field-facility-rack_units = rack height
field-facility-row_racks = racks per row
field-facility-spares = spares share
field-facility-buy_racks = buy racks and PDUs
field-facility-buy_cooling = buy cooling
field-facility-plant = power plant scope
field-finance-currency = currency
field-finance-exchange_rate = exchange rate
field-finance-power_price = power price
field-finance-years = TCO years
field-finance-hosting = hosting
field-finance-colo_rent_kw_month = colocation rent
field-finance-wholesale_rent_kw_month = wholesale rent
field-finance-vat = VAT on goods
field-finance-vat_services = VAT on services
field-finance-discount = discount
field-finance-warranty_years = warranty years
field-finance-maintenance_rate = maintenance rate
field-finance-purchase_date = purchase date
field-finance-market = market
field-storage-checkpoints_kept = checkpoints kept
field-storage-dataset_tb = dataset size
field-storage-checkpoint_minutes = checkpoint time
field-storage-performance = storage class
field-storage-product = storage product
field-overrides = bill of materials changes
field-configs = configurations
field-gpu = GPU
field-customer = customer
field-quote_no = quote number
field-valid_days = days the quote is valid
field-confidence = confidence
field-draws = draws

## a configuration refused because its GPU cannot train as asked (engine/planning/gpus.py)
msg-precision-full = the GPU does not support the chosen precision: { $why }

## a user's change to a line of the bill of materials (engine/money/overrides.py)
allowed-override-config = the configuration must be a known one: { $names }
allowed-override-item = the line's item id must be 1 to { $most } characters without surrounding spaces
allowed-override-once = one override per configuration and line
allowed-override-figure = { $where }: the { $what ->
        [qty] quantity
        [unit-price] unit price
       *[service-years] service years inside the price
    } { $range }
allowed-override-total = quantity { $qty } × unit price { $price } is { $total }, more than the { $most } one line may cost
allowed-override-years-need-price = service years are inside a price: give the vendor's price (price=P or net=P) with them
allowed-override-added-figures = an added line needs a quantity and a unit price
allowed-override-category = { $where }: the category must be one of { $names }
allowed-override-added-description = an added line needs a description
allowed-override-something = set a quantity, a unit price or both
allowed-known-gpus = known: { $names }
request-cannot-save = cannot save { $name }: { $why }
allowed-text-byte = character { $at } is the byte { $byte }, which is not UTF-8 text
allowed-text-half-pair = character { $at } is { $code }, half of a character pair that is not text; retype it

## The optimiser's refusals
allowed-optimise-none-runs = no configuration can run this workload (e.g. { $config }: { $reason })
allowed-optimise-none-allowed = no configuration the market allows can run this workload; name one with --config to search it anyway
allowed-optimise-no-variant = no variant could be planned
allowed-optimise-needs-deadline = the optimiser needs a deadline in days
allowed-optimise-no-overrides = line overrides apply to one plan; optimise the request without them
