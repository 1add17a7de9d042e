"""Offers and requests between organizations, the responses of others, and their matches."""
