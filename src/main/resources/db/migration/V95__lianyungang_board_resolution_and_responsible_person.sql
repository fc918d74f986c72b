-- Lianyungang (连科协〔2017〕15号), issue 10 "the missing rules":
-- 六、有关要求 1: "项目申报、实施落实等重大事项要经学会理事会(常务理事会)和企事业领导班子研究通过";
-- 六、有关要求 2: "确定一位责任人负责具体申报工作". Both asked of every award's 申报书 and read by
-- lianyungang-eligibility.
insert into programme_declared_field (programme_code, category_code, field_name, field_type, label_zh, label_en, required, sort_order) values
    ('LIANYUNGANG', '*', 'boardResolution', 'BOOLEAN',
     '项目申报已经学会理事会（常务理事会）或企事业科协领导班子研究通过（决议作为附件上传）',
     'The application was approved by the society''s board (standing board) or the enterprise association''s leadership (resolution attached)',
     true, 90),
    ('LIANYUNGANG', '*', 'responsiblePerson', 'TEXT',
     '负责具体申报工作的责任人（姓名、职务）',
     'Person responsible for the application (name, position)',
     true, 91);

-- 四（一）1 "年内获批市科协认定的‘科技服务站’或‘承接职能示范工程’一项以上": the platform's own awards of the
-- year count without a declaration (recognisedThisYear); the applicant declares only a recognition
-- the platform does not hold, so the field is no longer required.
update programme_declared_field
   set required = false,
       label_zh = '年内获批市科协认定的“科技服务站”或“承接职能示范工程”一项以上（已在本平台获奖的无须填报）',
       label_en = 'A technology service station or function-demo project recognised by the municipal association this year (not needed where awarded on this platform)'
 where programme_code = 'LIANYUNGANG' and category_code = 'DEMO_SOCIETY_AWARD' and field_name = 'recognisedStationOrFunctionThisYear';
