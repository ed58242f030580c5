-- migrate:up
-- The incidents page filtered by district (the web app's commonest filter): rows of one snapshot
-- in one district, in file order, straight from the index instead of reading every row of the
-- snapshot up to the page (issue 11: no query may hold the embedded database's one connection
-- for long). lower(district) is what the filter compares.
create index incident_row_snapshot_district_line_idx on incident_row (snapshot_id, lower(district), line_no);
-- Counts and the page's exact total for a district from the rollup, without reading all of it.
create index incident_count_district_month_idx on incident_count (lower(district), month);
-- Statistics for the new expression indexes (imports analyse these tables from now on; the
-- embedded database has no autovacuum to do it).
analyze incident_row;
analyze incident_count;
analyze incident_lsoa_count;
analyze import_snapshot;

-- migrate:down
drop index incident_count_district_month_idx;
drop index incident_row_snapshot_district_line_idx;
