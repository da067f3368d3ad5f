// Merge facts between entities. A fact is one relationship whatever the number of articles
// behind it; each supporting article adds one entry to the evidence lists (article_ids,
// sentences, starts, ends), and an article already listed adds nothing.
// Rows arrive with unique keys (the writer merges duplicates) and symmetric types with
// their ends sorted, so they are stored once.
// since keeps the earliest date; role keeps the strongest (leader > founder > member);
// until and title take the latest value given.
// The type is dispatched to a static MERGE per relationship type (UNION ALL, one branch
// per type of allygraph.models.RELATION_TYPES): a dynamic type `MERGE (a)-[r:$(row.type)]->(b)`
// is planned by Neo4j 5.26 as a scan of every relationship of the graph for every row
// (DirectedAllRelationshipsScan), where a static type gets Expand(Into) on the smaller end.
// Each row is its own CALL so the read-then-write of the evidence lists needs no Eager
// buffer over the whole batch.
// @mode write
// @params rows
// :param rows => [{type: 'MEMBER_OF', from: 'kt', to: 'ai-one-team', props: {since: '2020-02', since_start: date('2020-02-01'), role: 'leader'}, article_ids: ['demo'], sentences: ['…'], starts: [0], ends: [1]}]
UNWIND $rows AS row
CALL (row) {
  MATCH (a:Entity {id: row.from})
  MATCH (b:Entity {id: row.to})
  CALL (a, b, row) {
    WITH a, b, row WHERE row.type = 'MEMBER_OF' MERGE (a)-[r:MEMBER_OF]->(b) RETURN r
    UNION ALL
    WITH a, b, row WHERE row.type = 'LEADS' MERGE (a)-[r:LEADS]->(b) RETURN r
    UNION ALL
    WITH a, b, row WHERE row.type = 'PARTY_TO' MERGE (a)-[r:PARTY_TO]->(b) RETURN r
    UNION ALL
    WITH a, b, row WHERE row.type = 'SIGNED' MERGE (a)-[r:SIGNED]->(b) RETURN r
    UNION ALL
    WITH a, b, row WHERE row.type = 'HOLDS_POSITION' MERGE (a)-[r:HOLDS_POSITION]->(b) RETURN r
    UNION ALL
    WITH a, b, row WHERE row.type = 'COMPETES_WITH' MERGE (a)-[r:COMPETES_WITH]->(b) RETURN r
    UNION ALL
    WITH a, b, row WHERE row.type = 'PARTNERS_WITH' MERGE (a)-[r:PARTNERS_WITH]->(b) RETURN r
    UNION ALL
    WITH a, b, row WHERE row.type = 'DEVELOPS' MERGE (a)-[r:DEVELOPS]->(b) RETURN r
  }
  WITH r, row,
       r.since_start IS NULL
         OR (row.props.since_start IS NOT NULL AND row.props.since_start < r.since_start)
         AS earlier,
       coalesce(r.article_ids, []) AS ids
  WITH r, row, earlier, ids,
       [i IN range(0, size(row.article_ids) - 1) WHERE NOT row.article_ids[i] IN ids] AS fresh
  SET r.since = CASE WHEN earlier THEN row.props.since ELSE r.since END,
      r.since_start = CASE WHEN earlier THEN row.props.since_start ELSE r.since_start END,
      r.until = coalesce(row.props.until, r.until),
      r.until_start = coalesce(row.props.until_start, r.until_start),
      r.title = coalesce(row.props.title, r.title),
      r.role = CASE WHEN coalesce(r.role, '') = 'leader' OR row.props.role IS NULL THEN r.role
                    WHEN coalesce(r.role, '') = 'founder' AND row.props.role = 'member' THEN r.role
                    ELSE row.props.role END,
      r.article_ids = ids + [i IN fresh | row.article_ids[i]],
      r.sentences = coalesce(r.sentences, []) + [i IN fresh | row.sentences[i]],
      r.starts = coalesce(r.starts, []) + [i IN fresh | row.starts[i]],
      r.ends = coalesce(r.ends, []) + [i IN fresh | row.ends[i]]
}
