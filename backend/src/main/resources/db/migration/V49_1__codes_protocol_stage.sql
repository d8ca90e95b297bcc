-- Issue 20: the ВПР codes protocol as a stage of the schedule (seed 004 6.13.2). A campaign whose
-- schedule has it enforces the codes strictly: a results protocol accepts only the codes the
-- school was issued, and a school that never made its codes protocol is told to make it first.
alter table campaign_stage drop constraint campaign_stage_code_check;
alter table campaign_stage add constraint campaign_stage_code_check
    check (code in ('PRELIMINARY_LIST', 'VERIFICATION', 'APPLICATION', 'CONTEXT_DATA', 'MATERIALS',
                    'CODES_PROTOCOL', 'CONDUCT', 'RESULTS_PROTOCOL', 'QUESTIONNAIRE', 'SCANNING',
                    'SCORING', 'REPORTS'));
