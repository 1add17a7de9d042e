"""Country profiles: conscription, objection, mobilization, penalties and asylum practice."""
