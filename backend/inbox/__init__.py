"""What happened for an organization, told to its members once, with read state per person."""
