// One entity of any kind by id: the API uses it to tell "unknown id" (404) from "known
// but nothing to list", and to say what kind an id is.
// @mode read
// @params id
// :param {id: 'kt'}
MATCH (n:Entity {id: $id})
RETURN n {.id, type: [l IN labels(n) WHERE NOT l IN ['Entity', 'Organization']][0],
          .name, .name_en} AS entity
