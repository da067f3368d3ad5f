// How big the graph is: nodes and relationships (from Neo4j's count store, so O(1)).
// Used by the benchmark and the resilience tests to check what a load wrote.
// @mode read
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
