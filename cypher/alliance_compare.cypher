// Alliances side by side (as of a day, or today when `as_of` is null): for each, its
// members with kind and role, member counts by kind and leaders; across them, shared
// members, rivalries between the alliances and between their members (COMPETES_WITH),
// and agreements two or more of their members are party to. As in alliance_members.cypher,
// a member counts on a day when its `since` (without one, its `first_seen`) is by then and
// its `until` after it.
// @mode read
// @params ids, as_of
// :param {ids: ['ai-one-team', 'ai-super-cooperation'], as_of: null}
MATCH (a:Alliance)
WHERE a.id IN $ids
WITH a ORDER BY a.id
CALL (a) {
  OPTIONAL MATCH (m)-[r:MEMBER_OF]->(a)
  WHERE CASE WHEN $as_of IS NULL
    THEN r.until_start IS NULL OR r.until_start > date()
    ELSE coalesce(r.since_start, r.first_seen) <= date($as_of)
         AND (r.until_start IS NULL OR r.until_start > date($as_of)) END
  WITH m, r ORDER BY m.id
  WHERE m IS NOT NULL
  RETURN collect({
    member: m {.id, type: [l IN labels(m) WHERE NOT l IN ['Entity', 'Organization']][0],
               .name, .name_en},
    role: r.role, since: r.since, until: r.until, first_seen: toString(r.first_seen)})
    AS members
}
CALL (a) {
  OPTIONAL MATCH (l)-[:LEADS]->(a)
  WITH l ORDER BY l.id
  RETURN collect(l {.id, type: [x IN labels(l) WHERE NOT x IN ['Entity', 'Organization']][0],
                    .name, .name_en}) AS leaders
}
WITH collect({
  alliance: a {.id, type: 'Alliance', .name, .name_en},
  leaders: leaders,
  members: members,
  members_by_kind: [k IN ['Company', 'University', 'ResearchInstitute', 'GovernmentBody']
    WHERE any(x IN members WHERE x.member.type = k) |
    {kind: k, count: size([x IN members WHERE x.member.type = k])}],
  member_count: size(members)
}) AS sides
WITH sides,
  [s IN sides | s.alliance.id] AS found,
  reduce(acc = [], s IN sides | acc + [x IN s.members | {id: x.member.id, alliance: s.alliance.id}])
    AS pairs
CALL (sides, pairs) {
  UNWIND pairs AS p
  WITH p.id AS id, collect(DISTINCT p.alliance) AS alliances
  WHERE size(alliances) > 1
  MATCH (m:Entity {id: id})
  WITH m, alliances ORDER BY m.id
  RETURN collect({
    member: m {.id, type: [l IN labels(m) WHERE NOT l IN ['Entity', 'Organization']][0],
               .name, .name_en},
    alliances: alliances}) AS shared_members
}
CALL (found) {
  UNWIND found AS x
  MATCH (a:Alliance {id: x})-[r:COMPETES_WITH]-(b:Alliance)
  WHERE b.id IN found AND a.id < b.id
  WITH a, b, r ORDER BY a.id, b.id
  RETURN collect({
    from: a {.id, type: 'Alliance', .name, .name_en},
    to: b {.id, type: 'Alliance', .name, .name_en},
    evidence: COLLECT { UNWIND range(0, size(coalesce(r.article_ids, [])) - 1) AS i
      MATCH (art:Article {id: r.article_ids[i]})
        RETURN {article_id: art.id, title: art.title, published: toString(art.published),
         sentence: r.sentences[i], start: r.starts[i], end: r.ends[i]} }
  }) AS alliance_rivalries
}
CALL (pairs) {
  UNWIND pairs AS p
  WITH p.id AS id, collect(p.alliance) AS alliances
  WITH collect({id: id, alliances: alliances}) AS members
  UNWIND members AS x
  MATCH (m:Entity {id: x.id})-[r:COMPETES_WITH]-(o:Entity)
  WHERE m.id < o.id
  WITH x, m, r, o, [y IN members WHERE y.id = o.id][0] AS y
  WHERE y IS NOT NULL
  WITH x, m, r, o, y ORDER BY m.id, o.id
  RETURN collect({
    from: m {.id, type: [l IN labels(m) WHERE NOT l IN ['Entity', 'Organization']][0],
             .name, .name_en},
    to: o {.id, type: [l IN labels(o) WHERE NOT l IN ['Entity', 'Organization']][0],
           .name, .name_en},
    from_alliances: x.alliances,
    to_alliances: y.alliances,
    across: any(al IN x.alliances WHERE NOT al IN y.alliances)
      OR any(al IN y.alliances WHERE NOT al IN x.alliances),
    evidence: COLLECT { UNWIND range(0, size(coalesce(r.article_ids, [])) - 1) AS i
      MATCH (art:Article {id: r.article_ids[i]})
        RETURN {article_id: art.id, title: art.title, published: toString(art.published),
         sentence: r.sentences[i], start: r.starts[i], end: r.ends[i]} }
  }) AS member_rivalries
}
CALL (pairs) {
  UNWIND pairs AS p
  WITH collect(DISTINCT p.id) AS ids
  UNWIND ids AS id
  MATCH (:Entity {id: id})-[:PARTY_TO]->(g:Agreement)
  WITH g, ids, count(*) AS member_parties
  WHERE member_parties > 1
  WITH g, ids ORDER BY g.date_start, g.id
  RETURN collect({
    agreement: g {.id, type: 'Agreement', .name, .name_en},
    date: g.date,
    parties: [(o)-[:PARTY_TO]->(g) WHERE o.id IN ids | o.id]
  }) AS agreements
}
RETURN sides, found, shared_members, alliance_rivalries, member_rivalries, agreements
