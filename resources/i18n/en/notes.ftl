## Notes on BOM lines: why a line has its quantity (engine.model.note("<code>") is note-<code>).
## Several notes on one line are joined by "; ".

note-configured-system = configured system: base { NUMBER($base, maximumFractionDigits: 0) } + { $gpus } × { $gpu } { NUMBER($gpu_price, maximumFractionDigits: 0) } + { $hcas } × { $hca } { NUMBER($hca_price, maximumFractionDigits: 0) } { $currency }
note-one-per-rail = one per rail
note-storage-front-end = storage / front end
note-one-per-rack = one per rack
note-one-per-compute-rack = one per compute rack
note-n-plus-one-rows = N+1 in each of { $rows } rows
note-fat-tree = { $tiers }-tier fat tree: { $leaves } leaf, { $spines } spine, { $cores } core
note-director = one director for every endpoint: cheaper than leaves, spines and their links
note-cable-run = { NUMBER($cables, useGrouping: 0) } { $span } { $ends } (up to { $longest } m)
note-hca-end = one at the HCA end of every fibre link
note-switch-end = at the switch ports of every fibre link
note-spares = { NUMBER($share, style: "percent", maximumFractionDigits: 0) } of { NUMBER($of, useGrouping: 0) }
note-feeds = A and B feeds, each carrying its rack alone (up to { NUMBER($kw, minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: 0) } kW)
note-inlets = { $inlets } { $inlet } inlets a server
note-acceptance = 48-hour burn-in, HPL and NCCL tests per server and across the cluster
note-storage-capacity = { NUMBER($usable, maximumFractionDigits: 0) } TB usable for { NUMBER($need, maximumFractionDigits: 0) } TB needed
note-storage-bandwidth = { $read }/{ $write } GB/s read/write
note-storage-blocks = blocks set by { $by }
note-storage-network = storage network, added for the storage servers
note-storage-links = front-end links of compute nodes and storage servers, and switch-to-switch links
note-compute-front-end = front-end links of the compute nodes
note-head-login = { $heads } head nodes (high-availability pair) and { $logins } login nodes
note-ufm-pair = InfiniBand fabric manager, high-availability pair
note-inband-switches = in-band switches added to the front-end network
note-oob-aggregation = out-of-band aggregation: joins the racks' management switches
note-management-links = { $inband } in-band links, { $uplinks } management-switch uplinks
note-oob-port = one per out-of-band management port
note-nodes-years = { $nodes } nodes × { $years } years
note-gpus-years = { $gpus } GPUs × { $years } years
note-rated = { NUMBER($rate, style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1) } of equipment value { NUMBER($value, maximumFractionDigits: 0) } { $currency }
note-rated-yearly = { $years } years × { NUMBER($rate, style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1) } of equipment value { NUMBER($value, maximumFractionDigits: 0) } { $currency } a year
note-qty-by-user = quantity set by the user (planned { NUMBER($planned) })
note-price-by-user = unit price set by the user (price list { NUMBER($price, minimumFractionDigits: 2, maximumFractionDigits: 2) } { $currency })
note-net-price-by-user = net unit price set by the user, { NUMBER($paid, minimumFractionDigits: 2, maximumFractionDigits: 2) } { $currency } paid: list equivalent at the { NUMBER($discount, style: "percent") } discount (price list { NUMBER($price, minimumFractionDigits: 2, maximumFractionDigits: 2) } { $currency })
note-added-by-user = line added by the user
# A catalog record's own wording (resources/catalog/*.toml keeps it in both languages).
note-catalog-text = { $text }
note-prices-saved = prices saved with the plan on { $date } (from { $file })
