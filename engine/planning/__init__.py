"""Planning one configuration for one request, step by step.

    plan.py               the orchestrator: runs the steps below in order
    gpus.py               compute need -> GPUs and servers (deadline or fleet)
    budget.py             the rack power budget and the network racks' budget
    fabric.py             the compute fabric: fat tree or director, its switch boxes
    storage_management.py storage tier and management plane, the boxes they rack
    racks.py              rack layout: where racks are counted, cabling from the layout
    power.py, cooling.py  IT and facility power, cooling units
    bill.py               bill-of-materials needs, priced by engine.money
    warnings.py           the plan's warnings
    assumed.py            the assumptions a plan states
"""
