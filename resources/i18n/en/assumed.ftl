## The notes of a plan's assumptions: where each figure comes from (Assumption.said("<key>", ...,
## "assumed.<code>") is assumed-<code>). Figures arrive formatted as the English note prints them.

assumed-given = given in the request
assumed-confidence-given = probability that the deadline holds, given in the request
assumed-cooling = how heat leaves the racks
assumed-hosting = { $hosting ->
        [own] own data centre: racks, PDUs and cooling bought; energy paid
        [colo] leased colocation: rent per contracted kW and metered energy; the site's racks and cooling
        [wholesale] build-to-suit wholesale: rent per contracted kW and metered energy; racks and PDUs bought, the landlord cools
       *[cloud] cloud rental: GPU-hours at an hourly rate, no hardware bought
    }
assumed-buy-racks = racks and PDUs on the bill (colocation: the site's, unless asked)
assumed-buy-cooling = cooling units on the bill (an own data centre buys them)
assumed-plant = { $plant ->
        [ups] electrical plant upstream of the PDUs: a UPS sized to IT load is quoted
       *[out] electrical plant upstream of the PDUs: out of scope (the site's), with the kW it must supply
    }
assumed-currency = prices converted at the exchange rate
assumed-team = { $team ->
        [tuned] Megatron-LM/NeMo-class stack run by a team that has tuned it
        [typical] the open stacks ordinary teams run (GPT-NeoX, Megatron-DeepSpeed, FSDP): what published runs outside the largest labs reach
       *[first-run] a team's first large run on a stack it has not tuned yet
    } (resources/efficiency.toml [team])
assumed-peak-dense = { $gpu } dense { $precision } tensor peak, per GPU; plans use it
assumed-peak-sparse = 2:4 sparse peak (the marketing figure), shown only
assumed-mfu = model FLOPs utilisation: { $factors }
# one factor of the MFU, as the performance model names it (engine/compute/efficiency.py)
assumed-factor = { $name ->
        [kernels] kernels
        [model-flops-share] model FLOPs share
        [pipeline-bubble] pipeline bubble
        [communication] communication
        [fixed-step-costs] fixed step costs
        [measured-calibration] measured calibration
        [override] override
       *[other] { $text }
    }
assumed-mfu-band = MFU at P90 and P10 of the training days
assumed-goodput = share of wall-clock time that trains: interruptions grow with GPUs × days, each costs the { $team } team's restart and lost work, checkpoints stall training (resources/efficiency.toml [goodput], [team])
assumed-intra-node = how the GPUs in a server are connected
assumed-memory-floor = { $bytes } bytes per parameter, { $reserve } of memory kept for activations
assumed-days-band = days_low–days_high: { $low }–{ $high } × the expected days, the range that held { $coverage } of published training runs under leave-one-out ({ $runs })
assumed-calibration = the team's measured MFU over the model's for the same run: it scales the MFU
assumed-layout = tensor × pipeline × data parallel, micro-batch { $microbatch }, { $recompute ->
        [full] full recomputation
        [partial] partial recomputation ({ $share } of layers)
       *[selective] selective recomputation
    }: the fastest layout that fits memory
assumed-calendar-days = lead time { $lead } days + { $days } training days
assumed-calendar-p50-p90 = lead time + P50 and P90 training days; the fleet is sized so that lead time + { $confidence }-quantile days ({ $at }) fit the deadline
assumed-heat-rejection = { $hosting ->
        [own] out of scope: the site's chillers, dry coolers or cooling towers must reject { $kw } kW of IT heat plus the cooling units' own power; not quoted
        [colo] the colocation site's plant
        [wholesale] the landlord's plant, built to suit
       *[cloud] the cloud provider's
    }
assumed-heat-rejection-note = how the heat leaves the building
assumed-purchase-date = market availability of the GPU is taken as of this date
assumed-market = where the cluster is bought (buyer's country)
assumed-market-status = Export ({ $export }): { $rule }.{ $source ->
        [none] {""}
       *[other] { " " }Source: { $source }{ $verified ->
            [yes] {""}
           *[no] { " " }(unverified)
        }.
    } Import ({ $imported }{ $since ->
        [none] {""}
       *[other] , since { $since }
    }): { $import_rule }.{ $import_source ->
        [none] {""}
       *[other] { " " }Source: { $import_source }.
    }{ $fee ->
        [none] {""}
       *[other] { " " }Fee or duty: { $fee }.
    }
assumed-storage-class = storage performance class of NVIDIA's DGX SuperPOD H100 RA (RA-11333-001, Tables 5-6): language-model training is 'Good'
assumed-storage-bandwidth = { $gbps } GB/s for { $gpus } GPUs: { $note }
assumed-storage-management-kw = storage and management equipment at its maximum draw, counted in IT power and, conservatively, at the same figure for energy
assumed-rack-kw = { $cooling } cooling, { $architecture } GPUs: { $note }
assumed-lead-time = { $delivery } days' delivery of { $architecture } servers ({ $delivery_note }) + { $install } days' installation, burn-in and acceptance ({ $install_note }); give the lead time the vendor quotes
