-- The particulars of a project application (issue 12): who leads it and whom the office calls, when
-- it runs, and what the society adds of its own money. The amount requested is the budget's total.
-- One row per application, written with the draft; none for applications saved before this version.
-- Portable SQL: runs unchanged on H2 (2.x) and PostgreSQL.

create table application_particulars (
    application_id   bigint         not null primary key references application (id),
    lead_name        varchar(50),
    lead_position    varchar(100),
    contact_name     varchar(50),
    contact_phone    varchar(30),
    starts_on        date,
    ends_on          date,
    own_funds_yuan   decimal(14, 2)
);
