/** Used by features with work of their own in the background: starting and stopping it. */
@org.springframework.modulith.NamedInterface("lifecycle")
package org.oko.platform.lifecycle;
