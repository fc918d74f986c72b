-- The bodies whose meetings decide a programme's approval step, in order, comma-separated; null: the
-- step's candidate group alone. Lianyungang (连科协〔2017〕15号): "经“提升能力活动”领导小组和市科协主席会
-- 研究审定" - two bodies, each with its meeting and minutes.
alter table programme add column approving_bodies varchar(200);
update programme set approving_bodies = 'LEADING_GROUP,CHAIRPERSONS_MEETING' where code = 'LIANYUNGANG';
