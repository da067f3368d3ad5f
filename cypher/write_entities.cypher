// Merge entities on their constrained id. Labels come from the fixed type vocabulary
// (checked by the pydantic model), names and aliases accumulate across articles.
// @mode write
// @params rows
// :param rows => [{id: 'kt', labels: ['Entity', 'Company', 'Organization'], props: {name: 'KT', name_en: 'KT Corporation'}, aliases: ['케이티'], name_keys: ['kt', '케이티'], new: false}]
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$(row.labels)
SET n += row.props
SET n.aliases = reduce(acc = coalesce(n.aliases, []), x IN row.aliases |
      CASE WHEN x IN acc THEN acc ELSE acc + x END),
    n.name_keys = reduce(acc = coalesce(n.name_keys, []), x IN row.name_keys |
      CASE WHEN x IN acc THEN acc ELSE acc + x END),
    n.new = coalesce(n.new, true) AND row.new
SET n.names_text = reduce(s = n.name + coalesce(' | ' + n.name_en, ''), x IN n.aliases | s + ' | ' + x)
