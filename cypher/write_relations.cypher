// Merge facts between entities. A fact is one relationship whatever the number of articles
// behind it; each supporting article adds one entry to the evidence lists (article_ids,
// sentences, starts, ends), and the same article loaded again adds nothing.
// Symmetric types arrive with their ends sorted, so they are stored once.
// since keeps the earliest date; role keeps the strongest (leader > founder > member).
// @mode write
// @params rows
// :param rows => [{type: 'MEMBER_OF', from: 'kt', to: 'ai-one-team', props: {since: '2020-02', since_start: date('2020-02-01'), role: 'leader'}, article_id: 'demo', sentence: '…', start: 0, end: 1}]
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type)]->(b)
WITH r, row,
     CASE WHEN r.since_start IS NULL
            OR (row.props.since_start IS NOT NULL AND row.props.since_start < r.since_start)
          THEN row.props.since ELSE r.since END AS since,
     CASE WHEN r.since_start IS NULL
            OR (row.props.since_start IS NOT NULL AND row.props.since_start < r.since_start)
          THEN row.props.since_start ELSE r.since_start END AS since_start,
     CASE WHEN coalesce(r.role, '') = 'leader' OR row.props.role IS NULL THEN r.role
          WHEN coalesce(r.role, '') = 'founder' AND row.props.role = 'member' THEN r.role
          ELSE row.props.role END AS role
SET r += row.props, r.since = since, r.since_start = since_start, r.role = role
WITH r, row
WHERE NOT row.article_id IN coalesce(r.article_ids, [])
SET r.article_ids = coalesce(r.article_ids, []) + row.article_id,
    r.sentences = coalesce(r.sentences, []) + row.sentence,
    r.starts = coalesce(r.starts, []) + row.start,
    r.ends = coalesce(r.ends, []) + row.end
