// Other versions of an article: the loaded articles with the same URL but another id
// (another text). An article's identity is its URL when it has one, so loading a new
// version retracts these in the same transaction (loaders/article_writer.py).
// @mode read
// @params url, id
// :param {url: 'https://www.ajunews.com/view/20200603155100000', id: 'replace-with-an-article-id'}
MATCH (a:Article {url: $url})
WHERE a.id <> $id
RETURN a.id AS id
ORDER BY id
