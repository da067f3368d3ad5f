// Where a fact comes from: every article behind one membership, oldest first, with the
// sentence that says it (GET /alliances/{id}/members gives the same evidence per member).
// @mode read
// @params member, alliance
// :param {member: 'lg-uplus', alliance: 'ai-one-team'}
MATCH (m:Entity {id: $member})-[r:MEMBER_OF]->(a:Alliance {id: $alliance})
UNWIND range(0, size(r.article_ids) - 1) AS i
MATCH (art:Article {id: r.article_ids[i]})
RETURN m.name AS member, a.name AS alliance, r.role AS role, r.since AS since,
       toString(date(art.published)) AS published, art.publisher AS publisher,
       art.title AS article, r.sentences[i] AS sentence, art.url AS link
ORDER BY published, article
