-- PDF documents (issue 12): who issues a programme's documents, whom the public contacts about a
-- notice, whether its notices publish amounts, and until when a call's projects run.
-- Portable SQL: runs unchanged on H2 (2.x) and PostgreSQL (14+).

-- 甲方 of the 项目责任书 and the issuer of notices and result lists: the city's association.
alter table programme add column issuer_name varchar(200);
-- The office that runs the programme (专项办公室 / 学会部), named beside the issuer.
alter table programme add column office_name varchar(200);
-- Where the public takes an objection besides the platform's own form (address, people, phone, e-mail).
alter table programme add column office_contact varchar(500);
-- Whether the programme's public notices and result lists show each project's amount.
alter table programme add column publishes_amounts boolean default false not null;

-- The last day of the projects of a call (项目实施期限); their period runs from signing to this day.
-- Unset, it is the last day of the call's year (Xuzhou's projects are assessed at the end of their
-- year, seed 003: 年末进行验收考核; the other seeds name no period): the office sets it in the catalogue.
alter table programme_call add column project_ends_on date;

-- From the seeds: Chenzhou's 专项办公室 sits in the association's 学会部 (seed 002, 五.1); Xuzhou's call
-- names its 学会学术部 with address and contacts (seed 003); Lianyungang's 受理部门 is the 学会部 and its
-- awards have fixed amounts per category (seed 001). The others name no office: the issuer only.
update programme set issuer_name = '郴州市科学技术协会',
    office_name = '学会能力提升专项管理办公室（市科协学会部）' where code = 'CHENZHOU';
update programme set issuer_name = '徐州市科学技术协会', office_name = '市科协学会学术部',
    office_contact = '徐州市科协学会学术部（新城区行政中心东综合楼A527室），联系人：刘训勇、鲍凤才，联系电话：80805010，电子邮箱：xzkxxhb@126.com'
 where code = 'XUZHOU';
update programme set issuer_name = '连云港市科学技术协会', office_name = '市科协学会部', publishes_amounts = true
 where code = 'LIANYUNGANG';
update programme set issuer_name = '襄阳市科学技术协会' where code = 'XIANGYANG';
update programme set issuer_name = '成都市科学技术协会' where code = 'CHENGDU';
