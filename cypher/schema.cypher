// Constraints and indexes of the graph. Every statement is IF NOT EXISTS, so applying the
// file again changes nothing; the loaders and `make up` apply it before any write.
// Run it in Neo4j Browser as it is (Browser runs each statement in turn).
// @mode schema

// One key per node label: every entity is also :Entity, so ids are unique across kinds.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT university_id IF NOT EXISTS FOR (n:University) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT research_institute_id IF NOT EXISTS FOR (n:ResearchInstitute) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT government_body_id IF NOT EXISTS FOR (n:GovernmentBody) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT alliance_id IF NOT EXISTS FOR (n:Alliance) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agreement_id IF NOT EXISTS FOR (n:Agreement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT product_id IF NOT EXISTS FOR (n:Product) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT graph_meta_key IF NOT EXISTS FOR (m:GraphMeta) REQUIRE m.key IS UNIQUE;

// Exact-name look-ups and date filters.
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX entity_name_en IF NOT EXISTS FOR (n:Entity) ON (n.name_en);
// A range index cannot look up an element of a list, so the exact-spelling search uses
// a full-text index with the whitespace analyzer over the keys joined by spaces (a key never
// holds white space): one Lucene term lookup instead of a scan of every entity.
DROP INDEX entity_name_key IF EXISTS;
CREATE FULLTEXT INDEX entity_keys IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name_keys_text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};
CREATE INDEX article_published IF NOT EXISTS FOR (a:Article) ON (a.published);
// An article's identity is its URL when it has one: a new version finds the old by it.
CREATE INDEX article_url IF NOT EXISTS FOR (a:Article) ON (a.url);
CREATE INDEX agreement_date IF NOT EXISTS FOR (a:Agreement) ON (a.date);

// Search over every spelling. The cjk analyzer indexes Hangul as bigrams, so "카이스트"
// and "엘지 유플러스" match without a Korean stemmer.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.name_en, n.names_text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};

CALL db.awaitIndexes(120);
