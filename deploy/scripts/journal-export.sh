#!/usr/bin/env bash
# Writes the stored events of some entities (or all) as JSON lines, oldest first per entity:
#   {"persistence_id":..., "sequence_nr":..., "manifest":..., "payload":"<the stored JSON, as text>"}
# The payload is kept as the exact text the journal holds, so the export can be replayed and its
# hash chain checked. Uses psql; connection as usual for psql (PGHOST, PGPORT, PGUSER, ...).
# Usage: journal-export.sh <database> [persistence-id ...] > journal.jsonl
set -euo pipefail
database=$1; shift
filter="true"
if [ $# -gt 0 ]; then
  ids=$(printf "'%s'," "${@//\'/\'\'}"); filter="persistence_id in (${ids%,})"
fi
psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$database" -c "
  select json_build_object('persistence_id', persistence_id, 'sequence_nr', sequence_number, 'manifest', manifest,
                           'payload', convert_from(message, 'UTF8'))
  from journal where not deleted and $filter
  order by persistence_id, sequence_number"
