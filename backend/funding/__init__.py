"""The funding ledger: grants to partner groups for the network office and recipients, totals for all."""
