-- Issue 20: questionnaires outside the ОМК. A campaign without kits (ВПР, СПО) issues its
-- organizations' questionnaire logins as kit credentials stored under the campaign's kind
-- ('spo', 'vpr') in place of a subject, numbered after the highest number stored under that key
-- in any campaign (the login is unique across campaigns). This index answers that maximum
-- without reading every kit of every ОМК.
create index kit_credential_questionnaire_logins
    on kit_credential (subject_key, kit_number)
    where subject_key in ('spo', 'vpr');
