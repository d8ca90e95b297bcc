package org.oko.forum;

/** Who wrote a message, as others see it: a role and a region, never a name or a contact. */
record Author(String login, String role, String regionCode, String regionName) {}
