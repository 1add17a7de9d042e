"""Joint actions of the network and the events organizations hold in them, with calendar feeds."""
