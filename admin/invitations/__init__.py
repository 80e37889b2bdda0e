"""Invitations (issue 15): invite expected visitors and trainings, decide them in advance."""
