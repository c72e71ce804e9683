"""The generic extractor: reads any page of the family by its text layout
(header lines, body, furniture) and by what the page states (meta tags, JSON-LD)."""
