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
msg-export-case-by-case = the US export licence is reviewed case by case, on conditions
msg-import-restricted = the buyer's country restricts importing this GPU
msg-import-unsure = the buyer's country's import stance on this GPU is unsure
msg-user-entered = catalog records entered by the user
msg-rec-scope-clear = the titles compare only what is clear to buy
msg-rec-nothing-clear = nothing is clearly buyable
msg-rec-only-one = the only option of its group: named, not ranked
msg-rec-best-of-group = the best of another status group
msg-rec-none-meets = nothing in scope meets the deadline
msg-rec-stated-mfu = days rest on a stated MFU, not on calibration
msg-rec-price-missing = prices missing: placeholders used
msg-storage-neutral = a vendor-neutral storage line is quoted
msg-storage-node-path = a node reaches storage below its class
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
msg-memory-bound-full = the GPU count is set by memory ({ $floor } GPUs hold the model), not by the deadline
msg-beyond-published-full = { $gpus } GPUs is past the largest published training run ({ $largest }); efficiency is extrapolated
msg-deadline-risk-full = at P90 of the training days (MFU { NUMBER($mfu, style: "percent", maximumFractionDigits: 0) }) training takes { NUMBER($days, minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: 0) } days{ $lead ->
        [0] ,
       *[other] , which with the { NUMBER($lead, useGrouping: 0) }-day lead time is
    } past the deadline
msg-lead-time-unset-full = the deadline counts training from the day of the order; servers ship in weeks to months, so give the lead time the vendor quotes
msg-memory-layout-full = no tensor × pipeline × data-parallel layout holds the model in this many GPUs without offloading
msg-mfu-unusual-full = MFU { NUMBER($mfu, style: "percent", maximumFractionDigits: 0) } is outside what published runs achieve (about 25–55%)
msg-pcie-large-model-full = a model this large needs tensor parallelism, which runs slowly over PCIe and NVLink bridges
msg-rack-limit-full = racks are filled by { $by }, not power: { $servers } servers a rack
msg-unverified-full = unverified catalog figures: { $ids }
msg-indicative-prices-full = prices are indicative: replace them with vendor quotes
msg-air-rack-limit-full = racks of up to { NUMBER($kw, minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: 0) } kW are past the practical limit of air cooling (about { NUMBER($limit, useGrouping: 0) } kW): choose rear doors or liquid cooling
msg-feed-loss-full = on one feed a server keeps { $kept } of its { $psus } × { NUMBER($psu_w, maximumFractionDigits: 0, useGrouping: 0) } W PSUs ({ NUMBER($one_feed_w, maximumFractionDigits: 0, useGrouping: 0) } W), below its { NUMBER($max_w, maximumFractionDigits: 0, useGrouping: 0) } W maximum: losing a feed caps its power
msg-cable-reach-full = { $span } runs up to { NUMBER($longest, useGrouping: 0) } m exceed the longest cable in the catalog ({ NUMBER($reach, useGrouping: 0) } m, { $cable }): longer cables, and past the multimode reach single-mode optics, are not quoted
msg-lead-time-full = the deadline of { $days } days from the order falls within the { $lead } days of delivery, installation and acceptance; allow more days or give the lead time you were quoted
msg-too-large-full = finishing in { $days } days would need more than a million { $gpu } GPUs
msg-fleet-rounded-full = { $asked } GPUs rounded up to { $gpus }: { $nodes } whole servers of { $per_node }
msg-memory-full = { $gpus } × { NUMBER($memory_gb, useGrouping: 0) } GB cannot hold the model states and activations: at least { $floor } { $gpu } GPUs are needed
msg-cooling-kind-full = the { $server } is { $cooling ->
        [liquid-to-air] liquid to air
       *[other] { $cooling }
    } cooled; direct liquid cooling needs liquid-cooled servers (choose air or rdhx cooling)
msg-rdhx-budget-full = rack budget lowered from { NUMBER($budget, useGrouping: 0) } kW to the rear door's { NUMBER($door, useGrouping: 0) } kW
msg-cloud-rate-full = no hourly cloud rate for the { $gpu } in resources/prices/cloud.csv
msg-storage-neutral-full = no { $vendor } storage line in the catalog: a vendor-neutral one is quoted
msg-storage-node-path-full = each compute node reaches storage at { NUMBER($node, maximumFractionDigits: 1) } GB/s, below the { NUMBER($need, maximumFractionDigits: 1) } GB/s a node of the RA's '{ $performance }' storage class reads at: add storage ports to the node or choose a lower class

## Market status: the two gates (US export, the buyer's import), dated.
msg-export-licence-full = EXPORT LICENCE REQUIRED: { $gpu } in { $market } since { $since } (as of { $as_of }{ $verified ->
        [yes] {""}
       *[no] {", source unverified"}
    }); confirm the vendor can deliver before ordering
msg-export-case-by-case-full = US export licence reviewed case by case: { $gpu } to { $market } since { $since } (as of { $as_of }{ $verified ->
        [yes] {""}
       *[no] {", source unverified"}
    }); only on the rule's conditions{ $duty ->
        [yes] {"; a duty or fee applies (see the plan's market status)"}
       *[no] {""}
    }: confirm the vendor holds a licence
msg-availability-unsure-full = market status unsure: { $gpu } in { $market } as of { $as_of } (reports since { $since }); ask the vendor
msg-availability-unknown-full = market status unknown: { $gpu } in { $market }: no rule recorded; ask the vendor
msg-import-restricted-full = IMPORT RESTRICTED: { $gpu } in { $market } since { $since } (as of { $as_of }): the buyer's country does not permit it for now; ask the vendor whether an exemption applies
msg-import-unsure-full = import stance unsure: { $gpu } in { $market } as of { $as_of } ({ $since ->
        [none] no rule recorded
       *[other] reports since { $since }
    }); ask the vendor

## The recommendation's caveats: its scope, what is out of it and why.
msg-rec-scope-clear-full = The titles compare only the configurations whose GPUs are clear to buy in { $market } as of { $as_of } (US export without known restriction, import permitted){ $configs ->
        [none] {""}
       *[other] : { $configs }
    }
msg-rec-nothing-clear-full = Nothing is clearly buyable in { $market } as of { $as_of } (no configuration has both gates open: US export without known restriction and import permitted); the titles compare only the { $group ->
        [clear] clear-to-buy
        [conditional] conditional (export licence case by case)
        [blocked] blocked (licence under a presumption of denial, or import restricted)
       *[unsure] unsure
    } group ({ $count }){ $configs ->
        [none] {""}
       *[other] : { $configs }
    }
msg-rec-only-one-full = { $config } is the only { $group ->
        [clear] clear-to-buy
        [conditional] conditional (export licence case by case)
        [blocked] blocked (licence under a presumption of denial, or import restricted)
       *[unsure] unsure
    } option: it is named, not ranked as cheapest, fastest or lowest TCO
msg-rec-best-of-group-full = Best of the { $group ->
        [clear] clear-to-buy
        [conditional] conditional (export licence case by case)
        [blocked] blocked (licence under a presumption of denial, or import restricted)
       *[unsure] unsure
    } group (lowest TCO): { $config }
msg-rec-none-meets-full = No configuration in scope meets the deadline at the expected efficiency
msg-rec-stated-mfu-full = Days for { $configs } rest on an MFU stated in the catalog (a published run or an assumption), not on calibration runs: the band is wide
msg-rec-price-missing-full = Prices are missing for { $configs }: placeholders are used; ask the vendors for them in the RFQ
msg-user-entered-full = user-entered catalog records: { $items } (figures as the user entered them, checked by the shipped catalog's rules)

## The data-centre build: coolant loops, fabric services, the electrical plant.

msg-liquid-needs-loop = a direct-liquid-cooled server needs liquid cooling
msg-liquid-needs-loop-full = the { $server } is direct-liquid cooled: it needs a coolant loop (CDUs, rack manifolds, secondary piping) that { $cooling } cooling does not bring; plan it with liquid cooling ({ $fix })
msg-ufm-leaf-group = the fabric manager needs another group of leaves
msg-ufm-leaf-group-full = { $nodes } nodes fill every leaf port, so the fabric manager's { $ports } ports take { $leaves } more leaf switches{ $spines ->
        [0] {""}
       *[other] {" "}and { $spines } more spine or core switches, with their links and optics
    }; NVIDIA's DGX SuperPOD takes one node out instead ({ $fewer } nodes, RA-11333-001)
msg-plant-out-of-scope = the electrical plant is out of scope
msg-plant-out-of-scope-full = the electrical plant upstream of the PDUs (UPS, switchgear) is out of scope: the site must supply { NUMBER($it_kw, maximumFractionDigits: 0, useGrouping: 0) } kW of protected IT power and { NUMBER($facility_kw, maximumFractionDigits: 0, useGrouping: 0) } kW in all
