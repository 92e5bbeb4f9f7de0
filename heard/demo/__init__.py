"""The demo organization: a listening campaign in a small city, made by code, the same each run."""

# Printed by `heard run` and in the README; a demo, never a real organization's password.
DEMO_PASSWORD = "listen-first"  # noqa: S105
DEMO_USERS = [
    ("organizer", "organizer, sees everything"),
    ("volunteer", "member volunteer, sees their turf"),
    ("voluntaria", "member volunteer who listens in Spanish, sees La Loma"),
    ("admin", "administrator, manages the members"),
]
