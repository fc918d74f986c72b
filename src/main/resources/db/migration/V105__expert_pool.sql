-- The expert pool (专家库, issue 11): a profile per expert of the engine's expert group. Who may log in
-- and in which cities (engine tenants) stays with the user account; the pool says whom the office may
-- draw: an active expert, serving the application's city, with the specialties asked for.
create table expert_profile (
    expert_id           varchar(128)  not null primary key,
    title               varchar(100),
    -- 工作单位: an organisation of the register, or free text when it is not one
    affiliation_org_id  bigint        references organisation (id),
    affiliation_text    varchar(200),
    active              boolean       not null,
    updated_by          varchar(128)  not null,
    updated_at          timestamp     not null
);

create table expert_specialty (
    expert_id  varchar(128) not null references expert_profile (expert_id) on delete cascade,
    specialty  varchar(60)  not null,
    primary key (expert_id, specialty)
);

create table expert_city (
    expert_id  varchar(128) not null references expert_profile (expert_id) on delete cascade,
    city_code  varchar(40)  not null references city (code),
    primary key (expert_id, city_code)
);

create index expert_city_city on expert_city (city_code);
