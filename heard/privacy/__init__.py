"""A person's rights and the organization's record of who did what: the audit log, and exporting
or erasing everything Heard holds about one neighbour. Sits on top of the other apps."""
