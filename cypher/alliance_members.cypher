// Members of an alliance, one page at a time in member-id order (keyset cursor on id).
// `as_of` (YYYY-MM-DD) keeps members who had joined by that day and not yet left: joined
// means `since` starts by then or, when no article gives a since, the membership was first
// reported by then (`first_seen`, the earliest evidencing article's day; returned so a
// reader sees why); a membership with neither date is left out, as nothing dates it.
// `kind` (Company, University, ResearchInstitute, GovernmentBody) keeps one kind.
// A huge alliance walks the Organization id index in order and stops after `limit` rows
// (no sort of every member); a small one expands from the alliance and sorts its few
// members. The branch follows degree² vs limit·organisations (both read in O(1)).
// The API asks for limit + 1 rows to learn whether a next page exists.
// @mode read
// @params id, as_of, kind, after, limit
// :param {id: 'ai-one-team', as_of: null, kind: null, after: null, limit: 100}
MATCH (a:Alliance {id: $id})
WITH a, COUNT { (a)<-[:MEMBER_OF]-() } AS degree, COUNT { (:Organization) } AS orgs
CALL (a, degree, orgs) {
  // Few members: expand from the alliance (no label on m, so no index seek is tempting).
  WITH a WHERE degree * degree <= toInteger($limit) * orgs
  MATCH (a)<-[r:MEMBER_OF]-(m)
  WHERE m.id > coalesce($after, '')
    AND ($kind IS NULL OR $kind IN labels(m))
    AND ($as_of IS NULL OR (
      coalesce(r.since_start, r.first_seen) <= date($as_of)
      AND (r.until_start IS NULL OR r.until_start > date($as_of))))
  RETURN m, r ORDER BY m.id LIMIT toInteger($limit)
  UNION
  // Many members: organisations in id-index order, each checked for the membership.
  WITH a WHERE degree * degree > toInteger($limit) * orgs
  CALL (a) {
    MATCH (m:Organization)
    WHERE m.id > coalesce($after, '')
    WITH a, m ORDER BY m.id
    MATCH (m)-[r:MEMBER_OF]->(a)
    WHERE ($kind IS NULL OR $kind IN labels(m))
      AND ($as_of IS NULL OR (
        coalesce(r.since_start, r.first_seen) <= date($as_of)
        AND (r.until_start IS NULL OR r.until_start > date($as_of))))
    RETURN m, r LIMIT toInteger($limit)
  }
  RETURN m, r
}
RETURN
  m {.id, type: [l IN labels(m) WHERE NOT l IN ['Entity', 'Organization']][0], .name, .name_en}
    AS member,
  r.role AS role,
  r.since AS since,
  r.until AS until,
  toString(r.first_seen) AS first_seen,
  COLLECT { UNWIND range(0, size(coalesce(r.article_ids, [])) - 1) AS i
    MATCH (art:Article {id: r.article_ids[i]})
      RETURN {article_id: art.id, title: art.title, published: toString(art.published),
       sentence: r.sentences[i], start: r.starts[i], end: r.ends[i]} } AS evidence
ORDER BY member.id
