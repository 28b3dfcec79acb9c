"""Time in article bodies: temporal expressions normalised to TIMEX3 (timex) and dated events with their
type, parties and figures (events)."""
