/** Used by every feature: the audit log. */
@org.springframework.modulith.NamedInterface("audit")
package org.oko.platform.audit;
