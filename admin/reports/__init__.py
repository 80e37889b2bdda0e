"""The guest book, visit reports and statistics, on screen and as files."""
