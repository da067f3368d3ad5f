// Merge facts between entities. A fact is one relationship whatever the number of articles
// behind it. Rows arrive with unique keys (the writer folds duplicates with the same rules)
// and symmetric types with their ends sorted, so they are stored once.
// A row meets the stored relationship under the fact-merge policy of allygraph/facts.py,
// line for line (each rule picks one side by a total order, so the result does not depend
// on the order articles are loaded in):
//   since, until   earliest last day; on the same last day the later first day, i.e. of
//                  nested dates the more precise, of disjoint ones the earlier
//                  (facts.earliest_date: new_since, new_until below)
//   role           strongest, leader > founder > member (facts.strongest_role: new_role)
//   title          longest; on equal length the smaller string (facts.longest_title)
//   first_seen     earliest publication day of an evidencing article (facts.earliest_day)
//   evidence       parallel lists article_ids, sentences, starts, ends: one entry per
//                  article (smallest start, end, sentence), sorted by article id
//                  (facts.merge_evidence); with it, in the parallel lists sinces, untils,
//                  roles, titles ('' for none), what that article states about the fact,
//                  from which unloading an article folds the fact again (loaders/retract.py)
// Cypher compares strings by code point and size() counts code points, as Python does.
// The type is dispatched to a static MERGE per relationship type (UNION ALL, one branch
// per type of allygraph.models.RELATION_TYPES): a dynamic type `MERGE (a)-[r:$(row.type)]->(b)`
// is planned by Neo4j 5.26 as a scan of every relationship of the graph for every row
// (DirectedAllRelationshipsScan), where a static type gets Expand(Into) on the smaller end.
// Each row is its own CALL so the read-then-write of the evidence lists needs no Eager
// buffer over the whole batch.
// @mode write
// @params rows
// :param rows => [{type: 'MEMBER_OF', from: 'kt', to: 'ai-one-team', props: {since: '2020-02', since_start: date('2020-02-01'), role: 'leader', first_seen: date('2020-06-03')}, article_ids: ['demo'], sentences: ['…'], starts: [0], ends: [1], sinces: ['2020-02'], untils: [''], roles: ['leader'], titles: ['']}]
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
  WITH r, row, row.props AS p, {leader: 3, founder: 2, member: 1} AS rank
  // The last day a partial date can mean ('2020' -> 2020-12-31), for facts.date_order.
  WITH r, row, p, rank,
       [x IN [p.since, r.since, p.until, r.until] |
         CASE size(x) WHEN 4 THEN date(x + '-12-31')
                      WHEN 7 THEN date(x + '-01') + duration('P1M') - duration('P1D')
                      ELSE CASE WHEN x IS NULL THEN NULL ELSE date(x) END END] AS ends
  WITH r, row, p, rank,
       p.since_start IS NOT NULL AND (r.since_start IS NULL OR ends[0] < ends[1]
         OR (ends[0] = ends[1] AND p.since_start > r.since_start)) AS new_since,
       p.until_start IS NOT NULL AND (r.until_start IS NULL OR ends[2] < ends[3]
         OR (ends[2] = ends[3] AND p.until_start > r.until_start)) AS new_until,
       coalesce(rank[p.role], 0) > coalesce(rank[r.role], 0) AS new_role,
       p.title IS NOT NULL AND (r.title IS NULL OR size(p.title) > size(r.title)
         OR (size(p.title) = size(r.title) AND p.title < r.title)) AS new_title,
       p.first_seen IS NOT NULL AND (r.first_seen IS NULL OR p.first_seen < r.first_seen)
         AS new_seen
  CALL (r, row) {
    UNWIND [i IN range(0, size(coalesce(r.article_ids, [])) - 1) |
             {id: r.article_ids[i], sentence: r.sentences[i], start: r.starts[i], end: r.ends[i],
              since: coalesce(r.sinces[i], ''), until: coalesce(r.untils[i], ''),
              role: coalesce(r.roles[i], ''), title: coalesce(r.titles[i], '')}]
         + [i IN range(0, size(row.article_ids) - 1) |
             {id: row.article_ids[i], sentence: row.sentences[i], start: row.starts[i],
              end: row.ends[i], since: row.sinces[i], until: row.untils[i],
              role: row.roles[i], title: row.titles[i]}] AS e
    WITH e.id AS id, collect(e) AS entries
    WITH id, reduce(best = head(entries), x IN tail(entries) |
           CASE WHEN [x.start, x.end, x.sentence] < [best.start, best.end, best.sentence]
                THEN x ELSE best END) AS best
    ORDER BY id
    RETURN collect(best) AS evidence
  }
  SET r.since = CASE WHEN new_since THEN p.since ELSE r.since END,
      r.since_start = CASE WHEN new_since THEN p.since_start ELSE r.since_start END,
      r.until = CASE WHEN new_until THEN p.until ELSE r.until END,
      r.until_start = CASE WHEN new_until THEN p.until_start ELSE r.until_start END,
      r.role = CASE WHEN new_role THEN p.role ELSE r.role END,
      r.title = CASE WHEN new_title THEN p.title ELSE r.title END,
      r.first_seen = CASE WHEN new_seen THEN p.first_seen ELSE r.first_seen END,
      r.article_ids = [e IN evidence | e.id],
      r.sentences = [e IN evidence | e.sentence],
      r.starts = [e IN evidence | e.start],
      r.ends = [e IN evidence | e.end],
      r.sinces = [e IN evidence | e.since],
      r.untils = [e IN evidence | e.until],
      r.roles = [e IN evidence | e.role],
      r.titles = [e IN evidence | e.title]
}
