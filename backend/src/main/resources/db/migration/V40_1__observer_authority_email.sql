-- Issue 18, seed 000: the education authority (ОИВ) has no account in OKO, so nothing in OKO can
-- notify it. The regional coordinator records the hand-over (V40) and may give the authority's
-- e-mail address, to which the page offers a letter in the coordinator's own mail program with the
-- register to attach; the last authority and address a region named fill its next hand-over's form.
alter table observer_region_handover add column authority_email text;
