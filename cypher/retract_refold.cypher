// Set the folded properties of facts that lost an article's evidence (computed from the
// statements that remain by allygraph/facts.py; a null removes the property). A fact
// written before the writer kept each article's statement (`legacy`) keeps its stated
// properties; only its first_seen follows the remaining articles. Part of unload and
// replace (loaders/retract.py).
// @mode write
// @params rows
// :param rows => [{element_id: 'replace-with-an-element-id', legacy: false, props: {since: '2020-02', since_start: date('2020-02-01'), until: null, until_start: null, role: 'member', title: null, first_seen: date('2020-06-03')}}]
UNWIND $rows AS row
MATCH ()-[r]->()
WHERE elementId(r) = row.element_id
WITH r, row, row.props AS p, row.legacy AND size(r.article_ids) > 0 AS keep
SET r.since = CASE WHEN keep THEN r.since ELSE p.since END,
    r.since_start = CASE WHEN keep THEN r.since_start ELSE p.since_start END,
    r.until = CASE WHEN keep THEN r.until ELSE p.until END,
    r.until_start = CASE WHEN keep THEN r.until_start ELSE p.until_start END,
    r.role = CASE WHEN keep THEN r.role ELSE p.role END,
    r.title = CASE WHEN keep THEN r.title ELSE p.title END,
    r.first_seen = p.first_seen
