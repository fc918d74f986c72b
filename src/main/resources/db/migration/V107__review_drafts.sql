-- An expert's draft scoring sheet (暂存): read by the expert alone, taken by the submission, never a sheet.
create table review_draft (
    application_id  bigint        not null references application (id) on delete cascade,
    expert_id       varchar(128)  not null,
    no_conflict     boolean       not null,
    comment         varchar(4000),
    saved_at        timestamp     not null,
    primary key (application_id, expert_id)
);

create table review_draft_score (
    application_id  bigint        not null,
    expert_id       varchar(128)  not null,
    criterion       varchar(60)   not null,
    points          numeric(6, 2) not null,
    primary key (application_id, expert_id, criterion),
    foreign key (application_id, expert_id) references review_draft (application_id, expert_id) on delete cascade
);
