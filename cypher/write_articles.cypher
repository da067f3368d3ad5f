// Create or update many article nodes at once (the bulk path of the writer, used for
// synthetic and migrated corpora; a single article goes through write_article).
// @mode write
// @params rows
// :param rows => [{id: 'demo', props: {id: 'demo', title: '제목', published: datetime('2020-06-03T15:51:00+09:00'), publisher: '아주경제', text: '…', fingerprint: 'x'}}]
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a += row.props
