-- 撤回 (issue 11): the record of a step taken back stays in the dossier's history, marked withdrawn.
alter table application_event add column withdrawn_at timestamp;
