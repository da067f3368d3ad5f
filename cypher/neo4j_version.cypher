// The Neo4j server's version and edition, recorded beside every benchmark figure.
// @mode read
CALL dbms.components() YIELD versions, edition
RETURN versions[0] AS version, edition
