optimise-searched = { $variants } variants searched, { $draws } draws (seed { $seed }); deadline { NUMBER($deadline, maximumFractionDigits: 0) } days, confidence { NUMBER($confidence, maximumFractionDigits: 2) }
optimise-front = Pareto front: { $objective } against the P{ NUMBER($quantile, maximumFractionDigits: 0) } of calendar days
optimise-columns = configuration | GPUs | cooling | rack kW | hosting | capex | TCO | P50 days | P90 days | P(meets)
optimise-best = Best: { $config }, { $gpus } GPUs, { $cooling } cooling, { NUMBER($rack_kw, maximumFractionDigits: 0) } kW racks, { $hosting } hosting; meets the deadline with probability { NUMBER($p_meets, maximumFractionDigits: 2) }
optimise-none = No variant meets the deadline with this confidence: allow more days, lower the confidence or name more configurations
optimise-versus-plan = The cheapest plan of the request itself that meets the same confidence: { $config }, { $gpus } GPUs, { $objective } { NUMBER($cost, maximumFractionDigits: 0) } ({ NUMBER($saving, maximumFractionDigits: 0) } more)
optimise-left-out = Not searched (the market stops their GPU; name them with --config to search them): { $configs }
optimise-plan-short = The request's own plan, sized for the deadline at the expected efficiency, does not reach this confidence: { $config }, { $gpus } GPUs, { $objective } { NUMBER($cost, maximumFractionDigits: 0) }, meets the deadline with probability { NUMBER($p_meets, maximumFractionDigits: 2) }
