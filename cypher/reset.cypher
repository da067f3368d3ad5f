// Delete every node and relationship, in batches so a large graph fits in memory.
// Constraints and indexes stay. Runs only in an auto-commit transaction (session.run).
// @mode write
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
