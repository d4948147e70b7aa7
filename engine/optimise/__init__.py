"""The cheapest way to meet a deadline with given odds: a search over the design space with a
Monte-Carlo risk view. Pure functions over dataclasses and numpy arrays; no Qt."""
