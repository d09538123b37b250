"""Redirects from old chapter URLs to their current place (filled in by the workshop work)."""
