// One curation step, kept in the graph so it can be audited: who, when, what, and how
// many articles were extracted again (`MATCH (c:CurationLog) RETURN c ORDER BY c.at`).
// @mode write
// @params who, action, args, articles
// :param {who: 'editor', action: 'merge-entity', args: ['lg-electronics', 'lg-uplus'], articles: 1}
CREATE (c:CurationLog {at: datetime(), who: $who, action: $action, args: $args,
                       articles: $articles})
RETURN c.at AS at
