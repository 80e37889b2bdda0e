"""The satisfaction survey (SKM) on the staff side: the helpdesk hands it to a visitor on its screen,
and the Admin words the questions."""
