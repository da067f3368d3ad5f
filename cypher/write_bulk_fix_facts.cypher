// After `allygraph load --bulk`: set on imported facts the properties its CSV could not
// carry (an evidence sentence with blanks at an edge). Found by type and ends.
// @mode write
// @params rows
// :param rows => [{type: 'MEMBER_OF', from: 'kt', to: 'ai-one-team', props: {sentences: [' …']}}]
UNWIND $rows AS row
CALL (row) {
  MATCH (a:Entity {id: row.from})-[r]->(b:Entity {id: row.to})
  WHERE type(r) = row.type
  SET r += row.props
}
