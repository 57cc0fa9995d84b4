--liquibase formatted sql

--changeset herald:scheduling-005-list-index
-- The schedules list of a team member filters by the teams they see and usually by status: with 100,000 schedules
-- its COUNT(*) scanned the whole table (250 ms), as neither (team_id, name) nor (status, name) holds both columns.
-- This index covers the count (and the LIKE on the name) and narrows the page's own query (docs/benchmarks.md, Portal).
CREATE INDEX ix_schedules_team_status_name ON schedules (team_id, status, name);
--rollback DROP INDEX ix_schedules_team_status_name ON schedules;
