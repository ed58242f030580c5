-- migrate:up
-- Keyset reads of a snapshot's rows in file order: the incidents page walks snapshots newest
-- first and reads only the rows it shows; analyses read their input in bounded chunks (so the
-- embedded database's one connection is released between them). Rows arrive in (snapshot_id,
-- line_no) order, so the index only ever grows at its right edge during a load.
create index incident_row_snapshot_line_idx on incident_row (snapshot_id, line_no);
-- Rollup counts per snapshot for the page's exact total.
create index incident_count_snapshot_month_idx on incident_count (month, snapshot_id);

-- migrate:down
drop index incident_count_snapshot_month_idx;
drop index incident_row_snapshot_line_idx;
