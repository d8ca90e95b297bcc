-- Objectivity flags stored with the organizations' tallies (issue 17): an organization's signs are
-- recomputed in the transaction that moves its tally and stored here, so the tables of units, the
-- flags report and the «Анализ объективности» form read them instead of computing them on read.

-- Organization rows: the codes of the raised signs (null: not computed yet — FlagWorker computes
-- them), and every sign decided with the numbers behind it ([{code, raised, value}]).
alter table result_tally add column flags text[];
alter table result_tally add column flag_values jsonb;

-- Region rows: the region's tally moved since its organizations' flags were last computed (their
-- comparison with the region moved a little); FlagWorker recomputes them and clears this.
alter table result_tally add column flags_stale boolean not null default false;

-- Legacy organization rows have no stored flags: mark their regions for FlagWorker.
update result_tally set flags_stale = true where level = 'REGION';

create index result_tally_stale_regions on result_tally (campaign_id, subject_key)
    where level = 'REGION' and flags_stale;
