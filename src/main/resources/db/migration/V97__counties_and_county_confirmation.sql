-- Lianyungang (连科协〔2017〕15号) 四（二）4 and 四（三）4: a service station or chief expert "须经项目所在地县区科协
-- 盖章确认" — the county association of the county the station or the expert serves, not any county's.
-- The counties (县区) of a city, each with the engine group whose members are its county association's
-- users: the confirmation task is offered to that group only (its candidate group), so a county user
-- neither sees nor completes another county's item.
create table county (
    code                varchar(40)  primary key,
    city_code           varchar(40)  not null references city (code),
    name_zh             varchar(100) not null,
    name_en             varchar(100) not null,
    confirmation_group  varchar(64)  not null unique,
    sort_order          integer      not null
);

-- Lianyungang's districts and counties (连云港市辖3区3县).
insert into county (code, city_code, name_zh, name_en, confirmation_group, sort_order) values
    ('LYG_HAIZHOU', 'LIANYUNGANG', '海州区', 'Haizhou District', 'county-lyg-haizhou', 1),
    ('LYG_LIANYUN', 'LIANYUNGANG', '连云区', 'Lianyun District', 'county-lyg-lianyun', 2),
    ('LYG_GANYU', 'LIANYUNGANG', '赣榆区', 'Ganyu District', 'county-lyg-ganyu', 3),
    ('LYG_DONGHAI', 'LIANYUNGANG', '东海县', 'Donghai County', 'county-lyg-donghai', 4),
    ('LYG_GUANYUN', 'LIANYUNGANG', '灌云县', 'Guanyun County', 'county-lyg-guanyun', 5),
    ('LYG_GUANNAN', 'LIANYUNGANG', '灌南县', 'Guannan County', 'county-lyg-guannan', 6);

-- The 申报书 names the county where the station or the expert serves (项目所在地); its county
-- association confirms. A field of type COUNTY lists the counties of the programme's city.
insert into programme_declared_field (programme_code, category_code, field_name, field_type, label_zh, label_en, required, sort_order) values
    ('LIANYUNGANG', 'SERVICE_STATION', 'serviceCounty', 'COUNTY', '项目所在地县区（由该县区科协盖章确认）',
     'County of the project (its county association confirms)', true, 0),
    ('LIANYUNGANG', 'CHIEF_EXPERT', 'serviceCounty', 'COUNTY', '专家服务所在地县区（由该县区科协盖章确认）',
     'County the expert serves (its county association confirms)', true, 0);
