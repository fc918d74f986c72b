-- Chengdu (2017 学会重点工作指南, 调查研究与建言献策): "成果形成日期以当年评估截止日期为准" - the office
-- sets each year's evaluation cut-off date; an outcome formed after it counts in the next year's
-- evaluation. A year without a row has no cut-off yet: its outcomes count in their own year.
create table evaluation_cutoff (
    programme_code   varchar(40) not null references programme (code),
    evaluation_year  integer     not null,
    cutoff_on        date        not null,
    set_by           varchar(128) not null,
    primary key (programme_code, evaluation_year)
);
