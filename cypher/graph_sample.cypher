// Up to `limit` alliance ids, organisation ids and names, in id order: the benchmark's
// load generator asks for these on a graph it did not generate (the seed graph).
// @mode read
// @params limit
// :param {limit: 100}
CALL () { MATCH (a:Alliance) WITH a ORDER BY a.id LIMIT toInteger($limit) RETURN collect(a.id) AS alliances }
CALL () { MATCH (o:Organization) WITH o ORDER BY o.id LIMIT toInteger($limit) RETURN collect(o.id) AS orgs, collect(o.name) AS names }
RETURN alliances, orgs, names
