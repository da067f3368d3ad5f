// The id of every loaded article, in id order (`allygraph reextract --all`).
// @mode read
MATCH (a:Article)
RETURN a.id AS id
ORDER BY id
