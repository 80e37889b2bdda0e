"""Invitations (issue 15): visitors and training participants registered before they arrive.

Plain Python, no Flask: `codes` makes and reads the unguessable codes, `rules` checks and creates
invitations and decides them in advance, `use` turns one into a visit at the kiosk, `batch` reads a
participants' file all or nothing, `queries` lists them for the screens. The caller commits once.
"""
