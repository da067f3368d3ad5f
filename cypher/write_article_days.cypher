// Publication day of each article named (in the article's own time zone), for articles
// the writer's bulk path was not given: a fact's first_seen is the earliest of these.
// @mode read
// @params ids
// :param ids => ['demo']
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, date(a.published) AS day
