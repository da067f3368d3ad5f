// Delete up to 10,000 nodes and their relationships; returns how many went. Run it until
// it returns 0 (`allygraph reset --yes` does): each batch is its own short transaction, so
// emptying a large graph never hits a transaction timeout or fills the heap.
// Constraints and indexes stay.
// @mode write
MATCH (n)
WITH n LIMIT 10000
DETACH DELETE n
RETURN count(*) AS deleted
