"""The watch list (issue 15): the Admin keeps it, the Kasubag and the Admin read it."""
