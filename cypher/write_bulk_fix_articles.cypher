// After `allygraph load --bulk`: set on imported articles the properties its CSV could not
// carry (the empty sentence lists of an article without sentences). Found by key.
// @mode write
// @params rows
// :param rows => [{label: 'Article', id: 'replace-with-an-article-id', props: {sentence_starts: []}}]
UNWIND $rows AS row
MATCH (n:Article {id: row.id})
SET n += row.props
