## racks

racks-title = Racks: { $config }
racks-why = The racks of the recommended configuration ({ $why }), as the plan lays them out: each distinct rack with its U slots, kW against the budget and weight, and the floor. The other configurations' racks are in the app's Racks tab (drawing every one would slow the export).
racks-why-cheapest = the lowest capex that meets the deadline
racks-why-tco = the lowest TCO
racks-why-fastest = the fastest
racks-why-detailed = the first this document details
