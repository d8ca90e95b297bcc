package org.oko.publications;

import java.util.List;
import org.oko.platform.security.Role;

/**
 * Who a publication is addressed to: roles, regions (empty: every region of the campaign), and
 * whether organizations only when they are in the campaign's published sample.
 */
record PublicationAudience(List<Role> roles, List<String> regionCodes, boolean sampleOnly) {}
