"""The Admin's settings: users, delegations, office settings and kiosks."""
