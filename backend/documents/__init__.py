"""Best-practice guides and templates: review workflow, translations, versions, attachments."""
