"""Reference data (country codes, HS sections) and the lookups that read it."""
