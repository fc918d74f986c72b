-- The programme catalogue of the five cities in the source documents (../shared/seeds).
-- An administrator changes calls, deadlines, quotas and amounts in the UI; these are the starting values.

insert into city (code, name_zh, name_en) values
    ('CHENZHOU', '郴州市', 'Chenzhou'),
    ('XUZHOU', '徐州市', 'Xuzhou'),
    ('LIANYUNGANG', '连云港市', 'Lianyungang'),
    ('XIANGYANG', '襄阳市', 'Xiangyang'),
    ('CHENGDU', '成都市', 'Chengdu');

insert into programme (code, city_code, name_zh, name_en, kind, project_process_key, call_process_key,
                       eligibility_decision_key, scoring_decision_key, sanction_decision_key,
                       publicity_working_days, source_document) values
    ('CHENZHOU', 'CHENZHOU', '郴州市科协学会服务能力提升计划', 'Chenzhou society capability-improvement programme',
     'PROJECT', 'chenzhou-project', null, 'chenzhou-eligibility', 'chenzhou-expert-criteria', 'chenzhou-sanction',
     5, '郴州市科协学会服务能力提升计划实施方案（试行）'),
    ('XUZHOU', 'XUZHOU', '徐州市科协学会服务能力提升计划', 'Xuzhou society capability-improvement programme',
     'PROJECT', 'xuzhou-project', 'xuzhou-call', 'xuzhou-eligibility', 'xuzhou-expert-criteria', null,
     5, '2022年度徐州市科协提升计划项目指南'),
    ('LIANYUNGANG', 'LIANYUNGANG', '连云港市提升学会和企事业科协服务科技创新能力计划',
     'Lianyungang programme for societies'' and enterprise associations'' innovation services',
     'AWARD', 'award-review', null, 'lianyungang-eligibility', 'lianyungang-rubric', null,
     5, '连科协〔2017〕15号'),
    ('XIANGYANG', 'XIANGYANG', '襄阳市学会服务能力提升行动计划', 'Xiangyang society capability-improvement action plan',
     'AWARD', 'award-review', null, 'xiangyang-eligibility', 'xiangyang-rubric', null,
     5, '2019年学会服务能力提升行动计划项目'),
    ('CHENGDU', 'CHENGDU', '成都市科协学会重点工作', 'Chengdu key work of societies',
     'WORK_RECORD', null, null, null, null, null,
     5, '2017年学会重点工作指南');

insert into programme_category (programme_code, code, name_zh, name_en, quota_code, sort_order) values
    ('CHENZHOU', 'COMPREHENSIVE_DEMO', '综合示范学会', 'Comprehensive demonstration society', 'COMPREHENSIVE_DEMO', 1),
    ('CHENZHOU', 'ACADEMIC_EXCHANGE', '学术交流和重点活动', 'Academic exchange and key activities', 'ACADEMIC_EXCHANGE', 2),
    ('CHENZHOU', 'SOCIAL_SERVICE', '社会化服务', 'Social services', 'SOCIAL_SERVICE', 3),
    ('CHENZHOU', 'DECISION_CONSULTING', '决策咨询和课题调研', 'Decision consulting and research', 'DECISION_CONSULTING', 4),
    ('CHENZHOU', 'COUNTY_CAPACITY', '引领县级学会能力提升', 'County society capacity', 'COUNTY_CAPACITY', 5),

    ('XUZHOU', 'FIRST_CLASS', '一流学会建设', 'First-class society', 'FIRST_CLASS', 1),
    ('XUZHOU', 'INNOVATION_THINK_TANK', '科技创新智库建设特色学会', 'Think-tank feature society', 'INNOVATION', 2),
    ('XUZHOU', 'INNOVATION_ACADEMIC', '学术和科技服务特色学会', 'Academic and technology-service feature society', 'INNOVATION', 3),
    ('XUZHOU', 'INNOVATION_POPULAR_SCIENCE', '科普创新特色学会', 'Popular-science feature society', 'INNOVATION', 4),
    ('XUZHOU', 'SERVICE_TECH', '科技服务项目', 'Technology service project', 'SERVICE_TECH', 5),
    ('XUZHOU', 'SERVICE_THINK_TANK', '科技创新智库项目', 'Think-tank project', 'SERVICE_THINK_TANK', 6),

    ('LIANYUNGANG', 'DEMO_SOCIETY_AWARD', '综合示范学会奖', 'Comprehensive demonstration society award', 'DEMO_SOCIETY_AWARD', 1),
    ('LIANYUNGANG', 'SERVICE_STATION', '优秀科技服务站', 'Excellent technology service station', 'SERVICE_STATION', 2),
    ('LIANYUNGANG', 'CHIEF_EXPERT', '首席专家（工程师）', 'Chief expert (engineer)', 'CHIEF_EXPERT', 3),
    ('LIANYUNGANG', 'FUNCTION_DEMO', '承接职能示范工程', 'Government-function demonstration project', 'FUNCTION_DEMO', 4),

    ('XIANGYANG', 'ACTIVITY', '市级学会、企事业科协、高校科协活动项目', 'Activities of societies and associations', 'ACTIVITY', 1),
    ('XIANGYANG', 'HAIZHI_NEW', '新建海智工作站', 'New overseas-talent (Haizhi) station', 'HAIZHI_NEW', 2),
    ('XIANGYANG', 'HAIZHI_EXCELLENT', '优秀海智工作站', 'Excellent Haizhi station', 'HAIZHI_EXCELLENT', 3),
    ('XIANGYANG', 'FUNCTION_UNDERTAKING', '学会承接政府转移职能', 'Undertaking transferred government functions', 'FUNCTION_UNDERTAKING', 4),
    ('XIANGYANG', 'EXCELLENT_SOCIETY', '优秀学会', 'Excellent society', 'EXCELLENT_SOCIETY', 5),

    ('CHENGDU', 'INNOVATION_DRIVE', '创新驱动助力工程', 'Innovation-driven assistance', 'INNOVATION_DRIVE', 1),
    ('CHENGDU', 'FUNCTION_UNDERTAKING', '有序承接政府转移职能', 'Undertaking transferred government functions', 'FUNCTION_UNDERTAKING', 2),
    ('CHENGDU', 'SERVICE_STATION', '学会服务站', 'Society service station', 'SERVICE_STATION', 3),
    ('CHENGDU', 'CONSORTIUM', '学会联合体', 'Society consortium', 'CONSORTIUM', 4),
    ('CHENGDU', 'ACADEMIC_EXCHANGE', '学术交流活动', 'Academic exchange', 'ACADEMIC_EXCHANGE', 5),
    ('CHENGDU', 'RESEARCH_ADVICE', '调查研究与建言献策', 'Research and policy advice', 'RESEARCH_ADVICE', 6),
    ('CHENGDU', 'MAJOR_WORK', '参与市科协重大工作', 'Major work of the association', 'MAJOR_WORK', 7);

-- Calls whose dates the source documents give.
insert into programme_call (programme_code, call_year, title, published_on) values
    ('XUZHOU', 2022, '2022年度徐州市科协提升计划项目申报', date '2022-04-29'),
    ('LIANYUNGANG', 2017, '2017年度连云港市提升学会和企事业科协服务科技创新能力计划', date '2017-03-16');

insert into call_category (call_id, category_code, opens_on, deadline, award_count, amount_yuan)
select c.id, x.category_code, c.published_on, x.deadline, x.award_count, x.amount_yuan
from programme_call c
join (select 'XUZHOU' as programme_code, 'FIRST_CLASS' as category_code, date '2022-11-10' as deadline,
             cast(null as integer) as award_count, cast(null as numeric(12, 2)) as amount_yuan
      union all select 'XUZHOU', 'INNOVATION_THINK_TANK', date '2022-11-10', null, null
      union all select 'XUZHOU', 'INNOVATION_ACADEMIC', date '2022-11-10', null, null
      union all select 'XUZHOU', 'INNOVATION_POPULAR_SCIENCE', date '2022-11-10', null, null
      union all select 'XUZHOU', 'SERVICE_TECH', date '2022-06-05', null, null
      union all select 'XUZHOU', 'SERVICE_THINK_TANK', date '2022-06-05', null, null
      union all select 'LIANYUNGANG', 'DEMO_SOCIETY_AWARD', date '2017-11-30', 5, 8000
      union all select 'LIANYUNGANG', 'SERVICE_STATION', date '2017-05-31', 20, 3000
      union all select 'LIANYUNGANG', 'CHIEF_EXPERT', date '2017-05-31', 20, 2000
      union all select 'LIANYUNGANG', 'FUNCTION_DEMO', date '2017-11-30', 10, 3000) x
  on x.programme_code = c.programme_code;

insert into call_quota (call_id, quota_code, min_count, max_count)
select c.id, q.quota_code, q.min_count, q.max_count
from programme_call c
join (select 'XUZHOU' as programme_code, 'FIRST_CLASS' as quota_code, 5 as min_count, 7 as max_count
      union all select 'XUZHOU', 'INNOVATION', 10, 12
      union all select 'XUZHOU', 'SERVICE_TECH', 0, 20
      union all select 'XUZHOU', 'SERVICE_THINK_TANK', 0, 10
      union all select 'LIANYUNGANG', 'DEMO_SOCIETY_AWARD', 0, 5
      union all select 'LIANYUNGANG', 'SERVICE_STATION', 0, 20
      union all select 'LIANYUNGANG', 'CHIEF_EXPERT', 0, 20
      union all select 'LIANYUNGANG', 'FUNCTION_DEMO', 0, 10) q
  on q.programme_code = c.programme_code;
