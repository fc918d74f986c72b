-- The public objection form (公示异议) under abuse (issue 9): limits per contact and notice, and
-- CAPTCHAs (验证码) when the rate is unusual. Portable SQL: runs unchanged on H2 (2.x) and PostgreSQL.

-- The contact however it was written (digits of a phone number, an e-mail address in lower case),
-- for the limits per contact; objections lodged before this migration get an approximation.
alter table objection add column contact_key varchar(100);
update objection set contact_key = lower(replace(replace(contact, ' ', ''), '-', ''));

-- A second objection from the same contact against the same notice while the first is open does not
-- open another case for the office: it is kept as an addition to the open one.
alter table objection add column addition_to bigint;
alter table objection add constraint objection_addition_to foreign key (addition_to) references objection (id) on delete cascade;

create index objection_contact on objection (contact_key, lodged_at);
create index objection_application_time on objection (application_id, lodged_at);
create index objection_addition on objection (addition_to);

-- CAPTCHAs issued and not yet answered: in the database, so that every node can check an answer,
-- and deleted by the first answer given (right or wrong) or when expired.
create table objection_captcha (
    id          varchar(36)  primary key,
    answer      varchar(10)  not null,
    expires_at  timestamp    not null
);
create index objection_captcha_expires on objection_captcha (expires_at);
