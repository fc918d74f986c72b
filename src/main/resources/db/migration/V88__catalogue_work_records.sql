-- Issue 10: which programmes keep work records (学会重点工作记录) and run the yearly evaluation is catalogue
-- data, not Java. Today: the programmes of kind WORK_RECORD (Chengdu's). A programme added from the
-- catalogue screen says so in this column.
alter table programme add column work_records boolean default false not null;
update programme set work_records = true where kind = 'WORK_RECORD';
