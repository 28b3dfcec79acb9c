"""Who cooperates with whom: the partner registry, organisation and place mentions (entities), cooperation
pairs (relations) and partner profiles compared side by side (profiles)."""
