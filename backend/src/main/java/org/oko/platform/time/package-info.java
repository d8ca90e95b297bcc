/**
 * Time shared by every feature: the application clock ({@code ClockConfig}, settable in tests) and
 * how a time zone is named to users ({@link ZoneCities}: «18:00 (Саратов)»).
 */
@org.springframework.modulith.NamedInterface("time")
package org.oko.platform.time;
