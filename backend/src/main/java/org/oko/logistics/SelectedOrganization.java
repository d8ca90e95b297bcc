package org.oko.logistics;

import java.util.List;
import org.oko.orgs.OrganizationRef;

/**
 * An organization in a campaign's published sample, with what its sample entry says about the test:
 * how many participants and which subjects (campaign subject keys).
 */
record SelectedOrganization(
    OrganizationRef organization, int participants, List<String> subjects) {}
