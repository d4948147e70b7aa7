"""Steps 4-5: what the GPUs are housed in: network fabric, racks and PDUs, cooling."""
