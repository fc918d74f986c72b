-- Settings the policy text leaves open (issue 10, "defaults said to be defaults"): the platform's value
-- stays in the catalogue, and a row here says that it is still the platform's default, not a rule of
-- the seed. The setup screen shows these as 默认值 and the administrator confirms or changes them; the
-- row goes when the programme's own value has been decided.
--   PUBLICITY_DAYS     days of public notice: Chenzhou (方案五.2 "在郴州市科协网站进行公示"), Lianyungang
--                      (第五部分 "向社会公示") and Xiangyang name no length; Xuzhou's guide says
--                      "公示时间不少于5个工作日", the platform's default for the others.
--   MIDTERM_MONTHS     months from the results to the mid-term evaluation when a call names no date:
--                      Xuzhou's guide has a mid-term evaluation but no date.
--   APPROVING_BODIES   who decides the approval step: Xuzhou's guide names 组织审批 but no body; the
--                      diagram's leading group decides.
alter table programme add column midterm_months integer default 6 not null;

create table programme_default (
    programme_code  varchar(40)  not null references programme (code),
    setting         varchar(40)  not null,
    primary key (programme_code, setting)
);

insert into programme_default (programme_code, setting) values
    ('CHENZHOU', 'PUBLICITY_DAYS'),
    ('LIANYUNGANG', 'PUBLICITY_DAYS'),
    ('XIANGYANG', 'PUBLICITY_DAYS'),
    ('XUZHOU', 'MIDTERM_MONTHS'),
    ('XUZHOU', 'APPROVING_BODIES');

-- Xuzhou's year-end assessment day (V100: "年末" without a day, 12-01 by default) is one of these settings:
-- its default mark moves here, so one table says what is still a default.
insert into programme_default (programme_code, setting)
select code, 'YEAR_END_ASSESSMENT' from programme where year_end_assessment_default = true;
alter table programme drop column year_end_assessment_default;
