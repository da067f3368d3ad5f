// After `allygraph load --bulk`: set on imported entities the properties its CSV could not
// carry (an empty list of aliases; an array element with blanks at an edge). Found by key.
// @mode write
// @params rows
// :param rows => [{label: 'Entity', id: 'kt', props: {aliases: []}}]
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n += row.props
