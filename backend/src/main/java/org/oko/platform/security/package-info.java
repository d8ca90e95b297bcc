/** Used by every feature: who is calling, and the resource-server configuration. */
@org.springframework.modulith.NamedInterface("security")
package org.oko.platform.security;
