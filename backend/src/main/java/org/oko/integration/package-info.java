/**
 * The API for regional systems (issue 23): the change feed ({@code GET /api/changes}), the events
 * of the caller's scope in commit order by a signed cursor that never skips or repeats one, read
 * from the published outbox ({@link org.oko.platform.events.ChangeLog}) and scoped by {@link
 * org.oko.orgs.Visibility}.
 */
package org.oko.integration;
