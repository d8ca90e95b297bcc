/** Used by every feature: part of the platform's API. */
@org.springframework.modulith.NamedInterface("events")
package org.oko.platform.events;
