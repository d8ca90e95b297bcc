-- Issue 20: a release at each region's local time. When set, the publication opens in each
-- region of its audience at this wall-clock time in the region's zone (materials open in the
-- morning of the test day in every time zone); release_at then holds the earliest of those
-- moments (for ordering and for "scheduled"), and AudienceRule.RELEASED checks the reader's own.
alter table publication add column release_local timestamp;
