"""invitation: the rules mutation testing (mu6) showed untested; expectations from the documents."""
