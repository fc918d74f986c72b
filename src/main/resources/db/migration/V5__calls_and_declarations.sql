-- Yearly call processes (Xuzhou), facts an application declares, comprehensive evaluation, and
-- which process handles objections to a project under notice.

alter table programme_call add column midterm_on date;
alter table programme_call add column process_instance_id varchar(64);

alter table application add column notice_process_instance_id varchar(64);
alter table application add column notice_scope varchar(40);

-- Facts the application form asks for beyond the common fields, per programme and category
-- ('*' for every category); the eligibility tables read them by name.
create table programme_declared_field (
    programme_code  varchar(40)  not null references programme (code),
    category_code   varchar(40)  not null,
    field_name      varchar(60)  not null,
    field_type      varchar(20)  not null,
    label_zh        varchar(200) not null,
    label_en        varchar(200) not null,
    required        boolean      not null,
    sort_order      integer      not null,
    primary key (programme_code, category_code, field_name)
);

-- 综合评定: the ranking with the quota pre-applied and the office's changes, each with its reason.
create table evaluation_selection (
    application_id  bigint        primary key references application (id) on delete cascade,
    call_id         bigint        not null references programme_call (id),
    intake_key      varchar(40)   not null,
    quota_code      varchar(40)   not null,
    rank_no         integer       not null,
    pre_selected    boolean       not null,
    selected        boolean       not null,
    reason          varchar(1000),
    withdrawn       boolean       not null default false,
    decided_by      varchar(128),
    decided_at      timestamp
);
create index evaluation_selection_call on evaluation_selection (call_id, intake_key);

insert into programme_declared_field (programme_code, category_code, field_name, field_type, label_zh, label_en, required, sort_order) values
    ('XUZHOU', 'INNOVATION_ACADEMIC', 'academicEvents', 'INTEGER', '本年度主办或承办的学术交流活动（场）', 'Academic events hosted or co-organised this year', true, 1),
    ('XUZHOU', 'INNOVATION_ACADEMIC', 'nationalOrProvincialEvents', 'INTEGER', '其中全国或全省（区域）性学术交流活动（场）', 'Of which national or provincial (regional)', true, 2),
    ('XUZHOU', 'INNOVATION_POPULAR_SCIENCE', 'popularScienceEvents', 'INTEGER', '本年度牵头组织的科普活动（场次）', 'Popular-science events led this year', true, 1),
    ('XUZHOU', 'INNOVATION_POPULAR_SCIENCE', 'hasPopularSciencePlan', 'BOOLEAN', '有科普工作长期规划和年度计划', 'Long-term and yearly popular-science plans', true, 2),
    ('XUZHOU', 'INNOVATION_POPULAR_SCIENCE', 'hasPopularScienceBudget', 'BOOLEAN', '有专项科普经费并列入年度预算', 'Dedicated popular-science budget', true, 3),
    ('XUZHOU', 'INNOVATION_THINK_TANK', 'hasServiceAgreement', 'BOOLEAN', '有为地方党委政府决策咨询服务的合作协议', 'Consulting agreement with the local party committee or government', true, 1),
    ('XUZHOU', 'SERVICE_TECH', 'servicePoint', 'TEXT', '服务点（服务对象单位名称）', 'Service point (the organisation served)', true, 1),
    ('XUZHOU', 'SERVICE_TECH', 'hasServiceAgreement', 'BOOLEAN', '与服务对象签有合作协议', 'Signed cooperation agreement with the organisation served', true, 2),
    ('LIANYUNGANG', 'DEMO_SOCIETY_AWARD', 'recognisedStationOrFunctionThisYear', 'BOOLEAN', '本年度有科技服务站或承接职能示范项目获认定', 'A service station or function-demo project recognised this year', true, 1),
    ('LIANYUNGANG', 'DEMO_SOCIETY_AWARD', 'softScienceOrAdoptedAdvice', 'BOOLEAN', '承担软科学课题或有建议被采纳', 'A soft-science project or an adopted policy proposal', true, 2),
    ('LIANYUNGANG', 'SERVICE_STATION', 'hasServiceAgreement', 'BOOLEAN', '与服务单位签有服务协议', 'Signed service agreement', true, 1),
    ('LIANYUNGANG', 'CHIEF_EXPERT', 'hasServiceAgreement', 'BOOLEAN', '与服务单位签有服务协议', 'Signed service agreement', true, 1),
    ('LIANYUNGANG', 'FUNCTION_DEMO', 'hasFunctionMandate', 'BOOLEAN', '有委托书、决议或任务书等承接职能证明', 'Proof of the entrusted function (mandate, resolution or task book)', true, 1),
    ('XIANGYANG', 'ACTIVITY', 'participants', 'INTEGER', '规模最小的一次学术交流活动的参加人数', 'Participants of the smallest academic exchange', true, 1),
    ('XIANGYANG', 'HAIZHI_NEW', 'hasCooperationProject', 'BOOLEAN', '有创新需求和海外合作项目', 'Innovation needs and an overseas cooperation project', true, 1);
