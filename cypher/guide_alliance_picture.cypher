// AI One Team as a picture: the alliance, its members and its leader, with the tie between
// each and the alliance. Neo4j Browser draws the nodes and ties a query returns; click one
// to see its properties. Change the id to draw another alliance ('ai-super-cooperation').
// The first slide of the Browser guide: one click, no parameters.
// @mode read
MATCH p = (:Alliance {id: 'ai-one-team'})<-[:MEMBER_OF|LEADS]-()
RETURN p
