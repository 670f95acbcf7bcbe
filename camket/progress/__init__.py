"""Progress and the audit trail: what writes to the data folder, and git.

`record` appends a checked progress entry (`editing` inserts it as text, byte-preserving;
`locking` and `committing` make the write and its commit all or nothing); `history` reads an
item's changes from git; `sealing` seals a year with a git tag; `scaffold` starts a new folder
or a new year.
"""
