package org.oko.identity;

import org.oko.orgs.OrganizationRef;

/** An organization's login (its own) with the new password, to be handed out once. */
public record IssuedCredential(OrganizationRef organization, String password) {}
