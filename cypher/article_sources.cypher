// The articles given by id, as a page cites them: title, publication time, publisher and
// link. The web pages ask for every article their facts cite in one go.
// @mode read
// @params ids
// :param {ids: ['replace-with-an-article-id']}
MATCH (art:Article)
WHERE art.id IN $ids
RETURN art {.id, .title, published: toString(art.published), .publisher, .url} AS article
ORDER BY article.id
