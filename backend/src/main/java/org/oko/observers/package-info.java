/**
 * Observers (наблюдатели): public observers' candidates proposed by organizations and accepted and
 * assigned by their coordinators, independent observers appointed by the region (never where they
 * work), referrals, presence on the day, notes on violations and observation acts, reviewed up the
 * hierarchy and archived. Names and contacts are personal data: only the coordinators of the scope
 * and the observer see them; events carry ids only.
 */
package org.oko.observers;
