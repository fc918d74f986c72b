-- Working-day calendar (工作日历): the State Council holiday arrangements, one notice per year.
-- Portable SQL: runs unchanged on H2 (2.x) and PostgreSQL (14+).

-- The notices loaded. A year counts as arranged when its own notice is here, whatever dates it holds.
create table working_calendar_year (
    calendar_year  integer       primary key,
    -- SHIPPED: from the files in the application (holiday-cn); ADMIN: entered or imported in the UI
    origin         varchar(20)   not null,
    papers         varchar(2000),
    loaded_at      timestamp     not null,
    loaded_by      varchar(128)
);

-- The days a notice lists, each under its own date: a holiday (off_day) or a weekend day worked
-- instead (not off_day). A notice may list days of the previous December (2019 lists 2018-12-29..31).
-- Every other day is a working day from Monday to Friday and a rest day on Saturday and Sunday.
create table working_calendar_day (
    day_date     date          primary key,
    off_day      boolean       not null,
    day_name     varchar(100)  not null,
    notice_year  integer       not null references working_calendar_year (calendar_year) on delete cascade
);
create index working_calendar_day_notice on working_calendar_day (notice_year);

-- One row: set to a new random value by every change, so that each node of a cluster notices it and
-- reloads its cache.
create table working_calendar_version (
    id            integer  primary key,
    data_version  bigint   not null
);
insert into working_calendar_version (id, data_version) values (1, 0);
