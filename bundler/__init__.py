"""Build-time packaging of the calculators for the browser."""
