/** Used by every feature that stores files: part of the platform's API. */
@org.springframework.modulith.NamedInterface("blob")
package org.oko.platform.blob;
