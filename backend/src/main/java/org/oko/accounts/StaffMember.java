package org.oko.accounts;

/** One person of an organization's staff register; {@code phone} and {@code email} may be null. */
record StaffMember(
    long organizationId, StaffDuty duty, String fullName, String phone, String email) {}
