// Delete every relationship, nodes stay (in batches; auto-commit only: session.run).
// The load benchmark uses it to reload the same facts with another batch size.
// @mode write
MATCH ()-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS
