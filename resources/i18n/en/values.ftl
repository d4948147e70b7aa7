## values

value-air = air
value-rdhx = rdhx
value-liquid = liquid
value-own = own
value-colo = colo
value-bf16 = bf16
value-fp8 = fp8
value-True = True
value-False = False
value-low = low
value-medium = medium
value-high = high
value-yes = yes
value-no = no
value-wholesale = wholesale
value-cloud = cloud
value-licence-required = licence-required
value-case-by-case = case-by-case
value-unsure = unsure
value-unknown = unknown
value-no-known-restriction = no-known-restriction
value-permitted = permitted
value-restricted = restricted
