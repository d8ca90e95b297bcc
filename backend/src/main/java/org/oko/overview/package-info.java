/**
 * One page per organization in a campaign (issue 20; seed {@code 000_c9abf0b417e3d9bf.txt}: the
 * regional coordinator follows «ход работ в каждой образовательной организации»): the stages with
 * the organization's own deadlines, its forms, publications, kits, questionnaires, scans, observers
 * (assigned, present, acts) and whether it opened its reports — one API call per section, each
 * scoped by {@link org.oko.orgs.Visibility} and read through the owning features' directories. Owns
 * no table.
 */
package org.oko.overview;
