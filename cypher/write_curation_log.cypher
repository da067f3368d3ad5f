// One curation step, kept in the graph so it can be audited: who, when, what, and how
// many articles were extracted again (`MATCH (c:CurationLog) RETURN c ORDER BY c.at`).
// @mode write
// The driver may run the transaction again after a failure (a leader switch on a cluster):
// MERGE on the step's own id, made by the caller, keeps one node per step.
// @params id, who, action, args, articles
// :param {id: 'b1946ac92492d2347c6235b4d2611184', who: 'editor', action: 'merge-entity', args: ['lg-electronics', 'lg-uplus'], articles: 1}
MERGE (c:CurationLog {id: $id})
ON CREATE SET c.at = datetime(), c.who = $who, c.action = $action, c.args = $args,
              c.articles = $articles
RETURN c.at AS at
