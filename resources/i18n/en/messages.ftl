## messages

msg-gpu-form-factor = the GPU's form factor does not fit the server
msg-gpu-slots = more GPUs than the server has positions
msg-nic-slots = more compute HCAs than the server has slots
msg-psu-capacity = maximum draw exceeds the power supplies' capacity
msg-cooling-kind = the server's cooling does not suit the chosen cooling
msg-precision = the GPU does not support the chosen precision
msg-racks = the servers do not fit the racks
msg-memory-bound = the GPU count is set by memory
msg-beyond-published = larger than any published training run
msg-deadline-risk = the deadline is at risk
msg-mfu-unusual = unusual MFU
msg-pcie-large-model = large model on PCIe or NVLink bridges
msg-export-licence = an export licence is required for this GPU
msg-availability-unsure = the GPU's market status is unsure
msg-availability-unknown = the GPU's market status is unknown
msg-storage-neutral = a vendor-neutral storage line is quoted
msg-rack-limit = racks are not filled by power
msg-unverified = unverified catalog figures
msg-indicative-prices = prices are indicative
msg-lead-time = the deadline falls within the lead time
msg-lead-time-unset = no lead time given: training is counted from the day of the order
msg-too-large = the deadline would need more GPUs than can be planned
msg-fleet-rounded = GPU count rounded up to whole servers
msg-memory = the GPUs cannot hold the model
msg-memory-layout = no parallel layout fits the model in GPU memory
msg-rdhx-budget = rack budget lowered to the rear door's capacity
msg-cloud-rate = no cloud rate for this GPU
msg-air-rack-limit = racks are past the practical air-cooling limit
msg-feed-loss = on one power feed the servers lose power supplies
msg-cable-reach = cable runs exceed the cable's reach
msg-overridden = BOM lines set by the user
msg-override-unused = an override no longer matches a BOM line
msg-override-price-far = a price set by the user is far from the list price
msg-override-added-clash = an added line clashes with a planned line

## Whole sentences of the engine's messages (msg-<code>-full), with their figures.

msg-gpu-form-factor-full = { $gpu } is a { $form } GPU; the { $server } takes { $allowed } GPUs only
msg-gpu-slots-full = { $gpus } GPUs do not fit the { $server }: it has { $slots } GPU positions
msg-nic-slots-full = { $hcas } compute HCAs do not fit: the { $server } has { $slots } slots for them
msg-psu-capacity-full = maximum draw { NUMBER($draw_w, useGrouping: 0) } W exceeds what { $psus } × { NUMBER($psu_w, useGrouping: 0) } W PSUs deliver with { $redundant } redundant ({ NUMBER($usable_w, useGrouping: 0) } W)
msg-override-added-clash-full = the added line { $item } has the id of a planned line; both are kept
msg-override-unused-full = the override of { $item } no longer applies: the plan has no such line
msg-overridden-full = { $lines } line(s) set by the user, not by the plan: { $items }
msg-override-price-far-full = the unit price of { $item } set by the user ({ NUMBER($price, minimumFractionDigits: 2, maximumFractionDigits: 2) } { $currency }) is { NUMBER($ratio, maximumSignificantDigits: 3) } times the price list's ({ NUMBER($list_price, minimumFractionDigits: 2, maximumFractionDigits: 2) }): check the digits and the currency
