// The entity a logged merge folded `gone` into, if any: POST /entities/{id}/merge answers a
// repeated merge "nothing to do" (200) and an id that was never known 404.
// @mode read
// @params gone
// :param {gone: 'lg-uplus'}
OPTIONAL MATCH (c:CurationLog {action: 'merge-entity'})
WHERE c.args[1] = $gone
WITH c ORDER BY c.at DESC
RETURN head(collect(c.args[0])) AS into
