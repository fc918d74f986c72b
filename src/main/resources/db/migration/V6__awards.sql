-- Award programmes (Lianyungang, Xiangyang): a confirmation some categories need before review
-- (Lianyungang's county association, 县区科协盖章确认), and recommending outstanding projects to the province.

alter table programme add column recommends_to_province boolean default false not null;
alter table programme_category add column confirmation_group varchar(40);
alter table evaluation_selection add column recommended boolean default false not null;

update programme set recommends_to_province = true where code = 'LIANYUNGANG';
update programme set call_process_key = 'award-call' where code in ('LIANYUNGANG', 'XIANGYANG');
update programme_category set confirmation_group = 'county-association'
 where programme_code = 'LIANYUNGANG' and code in ('SERVICE_STATION', 'CHIEF_EXPERT');
