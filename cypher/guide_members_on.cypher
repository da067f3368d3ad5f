// An alliance's members on one day, as a picture: who had joined by `as_of` (their
// `since`, or without one the day an article first reported it) and not yet left. The
// same rule as alliance_members.cypher (GET /alliances/{id}/members?as_of=), drawn.
// @mode read
// @params id, as_of
// :param {id: 'ai-one-team', as_of: '2020-03-01'}
MATCH p = (m)-[r:MEMBER_OF]->(:Alliance {id: $id})
WHERE coalesce(r.since_start, r.first_seen) <= date($as_of)
  AND (r.until_start IS NULL OR r.until_start > date($as_of))
RETURN p
