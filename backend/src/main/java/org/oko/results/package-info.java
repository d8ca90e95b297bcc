/**
 * Results and statistical reports (issue 17): a results store of its own fed by the forms' events
 * ({@code forms.FormSubmitted}, {@code forms.FormReopened}) through the outbox and Kafka, grade
 * scales, tallies per organization, municipality, region and country kept up to date on every
 * write, reports 1–6 in the caller's scope after the region's release, objectivity flags for
 * coordinators, and the {@code .xlsx} export. See {@code docs/results.md}.
 */
package org.oko.results;
