## values

value-air = air cooling
value-rdhx = rear-door heat exchanger cooling
value-liquid = liquid cooling
value-own = the buyer's own data centre
value-colo = colocation (rented IDC space)
value-bf16 = BF16
value-fp8 = FP8
value-True = yes
value-False = no
value-low = low
value-medium = medium
value-high = high
value-yes = yes
value-no = no
value-wholesale = wholesale data centre
value-cloud = cloud rental
value-licence-required = export licence required
value-case-by-case = reviewed case by case
value-unsure = not sure
value-unknown = unknown
value-no-known-restriction = no known restriction
value-permitted = import permitted
value-restricted = import restricted
