"""SOP 1 on the staff side: the Kasubag's queue, the helpdesk board, each visit, search, live feed."""
