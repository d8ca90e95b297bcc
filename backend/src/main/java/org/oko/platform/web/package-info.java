/** Used by every feature: part of the platform's API. */
@org.springframework.modulith.NamedInterface("web")
package org.oko.platform.web;
