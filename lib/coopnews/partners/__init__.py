"""Who cooperates with whom: the partner registry, organisation and place mentions (entities, from the
candidate spans of candidates), cooperation pairs (relations) and partner profiles compared side by side
(profiles)."""
