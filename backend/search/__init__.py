"""One search across documents, organizations, contact points, countries, resources and events."""
