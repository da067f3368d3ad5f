// Merge entities on their constrained id. Labels come from the fixed type vocabulary
// (checked by the pydantic model), names and aliases accumulate across articles.
// Each row is its own CALL, with the new values computed before one SET, so Neo4j needs
// no Eager buffer over the whole batch (PROFILE showed four of them in the plain UNWIND).
// @mode write
// @params rows
// :param rows => [{id: 'kt', labels: ['Entity', 'Company', 'Organization'], props: {name: 'KT', name_en: 'KT Corporation'}, aliases: ['케이티'], name_keys: ['kt', '케이티'], new: false}]
UNWIND $rows AS row
CALL (row) {
  MERGE (n:Entity {id: row.id})
  WITH n, row,
       reduce(acc = coalesce(n.aliases, []), x IN row.aliases |
         CASE WHEN x IN acc THEN acc ELSE acc + x END) AS aliases,
       reduce(acc = coalesce(n.name_keys, []), x IN row.name_keys |
         CASE WHEN x IN acc THEN acc ELSE acc + x END) AS name_keys,
       coalesce(row.props.name, n.name) AS name,
       coalesce(row.props.name_en, n.name_en) AS name_en
  SET n:$(row.labels)
  SET n += row.props,
      n.aliases = aliases,
      n.name_keys = name_keys,
      // The keys as one string for the whitespace full-text index: exact look-up by key.
      n.name_keys_text = reduce(s = '', x IN name_keys | s + ' ' + x),
      n.new = coalesce(n.new, true) AND row.new,
      n.names_text = reduce(s = name + coalesce(' | ' + name_en, ''), x IN aliases | s + ' | ' + x)
}
