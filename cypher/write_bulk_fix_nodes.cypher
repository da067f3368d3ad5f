// After `allygraph load --bulk`: set on imported nodes the properties its CSV could not
// carry (an empty list; an array element with blanks at an edge). Found by key.
// @mode write
// @params rows
// :param rows => [{label: 'Entity', id: 'kt', props: {aliases: []}}]
UNWIND $rows AS row
CALL (row) {
  OPTIONAL MATCH (e:Entity {id: row.id}) WHERE row.label = 'Entity'
  OPTIONAL MATCH (a:Article {id: row.id}) WHERE row.label = 'Article'
  WITH coalesce(e, a) AS n, row
  WHERE n IS NOT NULL
  SET n += row.props
}
