-- Issue 10, Xuzhou (徐科协办发〔2022〕20号, 2022年度提升计划项目指南): the facts the eligibility table now
-- reads, and the year-end assessment date the project diagram reads.

-- 第三部分（二）1 科技创新智库建设特色学会 申报要求(1): "有一份为地方党委政府决策咨询服务的合作协议".
-- It was asked under the name of the service project's agreement, which only SERVICE_TECH's rule read;
-- its own name lets xuzhou-eligibility read it for this category (Rule_ThinkTankConsultingAgreement).
update programme_declared_field
   set field_name = 'hasConsultingAgreement',
       label_zh = '有一份为地方党委政府决策咨询服务的合作协议（请在附件中上传）',
       label_en = 'A consulting agreement with the local party committee or government (upload it as an attachment)'
 where programme_code = 'XUZHOU' and category_code = 'INNOVATION_THINK_TANK' and field_name = 'hasServiceAgreement';
update application
   set declared = replace(declared, '"hasServiceAgreement"', '"hasConsultingAgreement"')
 where programme_code = 'XUZHOU' and category_code = 'INNOVATION_THINK_TANK' and declared is not null;

-- 第二部分（三）3: "“科技创新智库项目”依据《2022年度江苏省科协面上调研课题选题指南》确定的内容自行拟定"
-- (Rule_ThinkTankProjectTopicSource).
insert into programme_declared_field (programme_code, category_code, field_name, field_type, label_zh, label_en, required, sort_order) values
    ('XUZHOU', 'SERVICE_THINK_TANK', 'topicFromProvincialGuide', 'BOOLEAN',
     '课题依据《2022年度江苏省科协面上调研课题选题指南》确定的内容自行拟定',
     'The topic is drawn from the 2022 survey-topic guide of the Jiangsu Association for Science and Technology',
     true, 1);

-- 第二部分（一）: "所有项目须经年初申报评审立项后组织实施，并在年末进行验收考核". The seed says 年末 and gives
-- no day: the programme's day of the year-end assessment is a default (year_end_assessment_default), and a
-- call may set its own date (programme_call.assessment_on). The project diagram's 提交考核材料 is due then.
alter table programme add column year_end_assessment_day varchar(5);
alter table programme add column year_end_assessment_default boolean default false not null;
update programme set year_end_assessment_day = '12-01', year_end_assessment_default = true where code = 'XUZHOU';
alter table programme_call add column assessment_on date;
