"""Partner organizations of the network and their contact points."""
