"""SOP 2: the remote-access register, its decisions, accounts and official documents."""
