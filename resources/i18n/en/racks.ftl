## racks

racks-title = Racks: { $config }
racks-why = The racks of the recommended configuration ({ $why }), as the plan lays them out: each distinct rack with its U slots, kW against the budget and weight, and the floor. The other configurations' racks are in the app's Racks tab (drawing every one would slow the export).
racks-why-cheapest = the lowest capex that meets the deadline
racks-why-tco = the lowest TCO
racks-why-fastest = the fastest
racks-why-only = the only one in scope (named, not ranked)
racks-why-detailed = the first this document details

## The rack drawing (engine/export/racks_png.py): slot roles, rack captions, the floor sketch.

drawing-role-server = GPU server
drawing-role-leaf = leaf switch
drawing-role-spine = spine switch
drawing-role-core = core switch
drawing-role-storage_switch = storage switch
drawing-role-mgmt_switch = management switch
drawing-role-storage = storage server
drawing-role-management = management node
drawing-role-frontend_switch = front-end switch
drawing-role-oob_switch = out-of-band aggregation switch
drawing-role-director = director switch
drawing-role-pdu = PDU
drawing-role-patch_panel = patch panel
drawing-compute-rack = Compute rack
drawing-network-rack = Network rack
drawing-kw = { NUMBER($kw, minimumFractionDigits: 1, maximumFractionDigits: 1) } of { $budget } kW
drawing-kg = { NUMBER($kg, maximumFractionDigits: 0) } of { NUMBER($max, maximumFractionDigits: 0) } kg
drawing-units = { $used } of { $units } U used
drawing-pdus = PDUs: { $pdus } (A and B feeds)
drawing-legend-compute = compute rack
drawing-legend-network = network rack
drawing-in-row = in the rows
drawing-room = at the wall
drawing-door = on rear doors
drawing-floor = Floor sketch: racks in rows of { $per_row }, cooling units between them (not to scale)
drawing-racks-more = … and { $count } more (numbered in the floor sketch)
drawing-key = { $key }: { $text }
drawing-title = { $title } — { $racks ->
    [one] 1 rack
   *[other] { $racks } racks
} ({ $rack })

## Vendors as the reader's language names them (brand names not listed stay as they are).

vendor-lenovo = Lenovo
vendor-inspur = Inspur
vendor-huawei = Huawei
vendor-generic = Generic
vendor-integrator = Integrator
vendor-equipment-vendors = Equipment vendors
vendor-storage-vendor = Storage vendor
vendor-server-vendor = Server vendor
vendor-open-source = Open source

## why not even one server or switch fits a rack (engine/facility/racks.py, fabric.py): the
## refusal "racks" says it whole
msg-racks-full = the servers do not fit the racks: { $why }
rack-refused-budget = one node draws up to { $kw } kW, over the { $budget } kW rack budget
rack-refused-feed = one node draws up to { $kw } kW, over the { $feed } kW that { $pdus } PDU(s) on one feed carry at { $load } of their rating
rack-refused-space = a { $units }U node does not fit the { $usable }U usable in a rack
rack-refused-weight = a { $kg } kg node exceeds the rack's load limit
rack-refused-network = a { $box } ({ $units }U, { $kw } kW) does not fit a network rack's { $rack_units }U and { $budget } kW
rack-refused-director = a { $box } ({ $units }U, { $kw } kW, { $kg } kg) does not fit a network rack
rack-refused-fabric = { $endpoints } fabric endpoints exceed a three-tier fat tree of { $radix }-port switches ({ $most })
