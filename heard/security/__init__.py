"""Hardened sign-in and serving: lockout, optional two-factor for administrators, and the
headers every page behind login carries."""
