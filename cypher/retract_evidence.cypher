// Take an article's evidence out of every fact it supports: its entry leaves the parallel
// lists article_ids, sentences, starts, ends (and what it stated: sinces, untils, roles,
// titles, kept only where the fact has them). Facts are reached through the entities the
// article mentions, as the writer links every entity of an extraction. Returns each fact
// touched with what remains, so the caller folds its properties again from the remaining
// statements (allygraph/facts.py); a fact left with no evidence is deleted by
// retract_cleanup.cypher at the end of the same transaction. Part of unload and replace
// (loaders/retract.py).
// @mode write
// @params article_id
// :param article_id => 'replace-with-an-article-id'
MATCH (:Article {id: $article_id})-[:MENTIONS]->(:Entity)-[r]->(:Entity)
WHERE $article_id IN r.article_ids
WITH DISTINCT r
WITH r, [i IN range(0, size(r.article_ids) - 1) WHERE r.article_ids[i] <> $article_id] AS keep,
     r.sinces IS NOT NULL AS stated
SET r.article_ids = [i IN keep | r.article_ids[i]],
    r.sentences = [i IN keep | r.sentences[i]],
    r.starts = [i IN keep | r.starts[i]],
    r.ends = [i IN keep | r.ends[i]],
    r.sinces = CASE WHEN stated THEN [i IN keep | coalesce(r.sinces[i], '')] END,
    r.untils = CASE WHEN stated THEN [i IN keep | coalesce(r.untils[i], '')] END,
    r.roles = CASE WHEN stated THEN [i IN keep | coalesce(r.roles[i], '')] END,
    r.titles = CASE WHEN stated THEN [i IN keep | coalesce(r.titles[i], '')] END
RETURN elementId(r) AS element_id, type(r) AS type,
       startNode(r).id AS from, endNode(r).id AS to, stated,
       r {.article_ids, .sentences, .starts, .ends, .sinces, .untils, .roles, .titles} AS lists,
       COLLECT {
         MATCH (o:Article) WHERE o.id IN r.article_ids
         RETURN {id: o.id, day: date(o.published)}
       } AS days
