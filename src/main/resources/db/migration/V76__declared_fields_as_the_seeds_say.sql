-- Form labels that say what the seeds say, and Xiangyang's participants asked only where there is an
-- academic exchange.

-- Lianyungang (连科协〔2017〕15号): "年内至少有承担市科协“软科学研究”项目或有一篇“建言献策”被市科协以上单位录用"
update programme_declared_field
   set label_zh = '年内承担市科协“软科学研究”项目，或有一篇“建言献策”被市科协以上单位录用',
       label_en = 'This year, a soft-science research project of the municipal association, or a policy proposal accepted by the municipal association or a higher body'
 where programme_code = 'LIANYUNGANG' and category_code = 'DEMO_SOCIETY_AWARD' and field_name = 'softScienceOrAdoptedAdvice';

-- Xiangyang (2019, 新建海智工作站 申报范围1): "有明确的技术创新需求和技术合作项目"
update programme_declared_field
   set label_zh = '有明确的技术创新需求和技术合作项目',
       label_en = 'Clear technology-innovation needs and a technology cooperation project'
 where programme_code = 'XIANGYANG' and category_code = 'HAIZHI_NEW' and field_name = 'hasCooperationProject';

-- Xiangyang (2019, 活动项目 考核指标): "每次参加学术交流活动的人员规模为30人以上" holds for the academic
-- exchanges among the activities; an application of innovation activities only is not asked for a number.
update programme_declared_field
   set required = false, sort_order = 2,
       label_zh = '学术交流活动中参加人数最少的一次的人数（有学术交流活动时填写）',
       label_en = 'Participants of the smallest academic exchange (where there is one)'
 where programme_code = 'XIANGYANG' and category_code = 'ACTIVITY' and field_name = 'participants';
insert into programme_declared_field (programme_code, category_code, field_name, field_type, label_zh, label_en, required, sort_order) values
    ('XIANGYANG', 'ACTIVITY', 'hasAcademicExchange', 'BOOLEAN', '申报的重点活动中有学术交流活动', 'The key activities include an academic exchange', true, 1);
