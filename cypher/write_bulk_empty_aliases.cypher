// After `allygraph load --bulk`: the empty alias lists its CSV could not carry. The writer
// gives every entity an `aliases` list, so an entity without one has none: [].
// @mode write
MATCH (n:Entity)
WHERE n.aliases IS NULL
SET n.aliases = []
