// Every alliance with its leaders, the date it was formed (the earliest `since` of its
// members) and how many members of each kind it has today (members who have left are
// not counted).
// @mode read
// @params
MATCH (a:Alliance)
CALL (a) {
  OPTIONAL MATCH (l)-[:LEADS]->(a)
  WITH l ORDER BY l.id
  RETURN collect(l {.id, type: [x IN labels(l) WHERE NOT x IN ['Entity', 'Organization']][0],
                    .name, .name_en}) AS leaders
}
CALL (a) {
  OPTIONAL MATCH (m)-[r:MEMBER_OF]->(a)
  WHERE r.until_start IS NULL OR r.until_start > date()
  WITH [l IN labels(m) WHERE NOT l IN ['Entity', 'Organization']][0] AS kind, count(m) AS n
  WHERE kind IS NOT NULL
  WITH kind, n ORDER BY kind
  RETURN collect({kind: kind, count: n}) AS members_by_kind, sum(n) AS member_count
}
CALL (a) {
  OPTIONAL MATCH ()-[r:MEMBER_OF]->(a)
  WITH r ORDER BY r.since_start
  RETURN head(collect(r.since)) AS formed
}
RETURN
  a {.id, type: 'Alliance', .name, .name_en} AS alliance,
  leaders,
  formed,
  member_count,
  members_by_kind
ORDER BY alliance.id
