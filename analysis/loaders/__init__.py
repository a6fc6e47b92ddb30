"""Loaders: read source files (news text, official statistics) into validated canonical tables."""
