// One loaded article as the writer stored it (text, sentences, dates, source), from which
// `allygraph reextract` extracts it again with the current registry, overrides and rules.
// @mode read
// @params id
// :param {id: 'replace-with-an-article-id'}
MATCH (a:Article {id: $id})
RETURN a {.id, .title, .published, .publisher, .url, .source_path, .text,
          .sentence_starts, .sentence_ends, .sentence_kinds} AS article
