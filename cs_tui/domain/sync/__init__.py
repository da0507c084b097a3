"""Team sync rules: the hybrid logical clock, field-level ops and the merge that makes replicas agree."""
