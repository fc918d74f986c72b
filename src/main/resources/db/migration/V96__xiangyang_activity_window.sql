-- Xiangyang (2019年学会服务能力提升行动计划项目), issue 10 "the missing rules": 活动项目 申报范围
-- "2018年8月-2019年3月开展重点活动的学会、企事业科协、高校科协". The 申报书 asks for the first and the last
-- key activity's date; xiangyang-eligibility compares them with the window of the call's year.
insert into programme_declared_field (programme_code, category_code, field_name, field_type, label_zh, label_en, required, sort_order) values
    ('XIANGYANG', 'ACTIVITY', 'activityStart', 'DATE', '申报的重点活动中最早一次的开展日期',
     'Date of the earliest key activity applied for', true, 3),
    ('XIANGYANG', 'ACTIVITY', 'activityEnd', 'DATE', '申报的重点活动中最晚一次的开展日期',
     'Date of the latest key activity applied for', true, 4);
