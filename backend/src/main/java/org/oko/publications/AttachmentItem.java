package org.oko.publications;

/**
 * An attachment of a publication as a reader sees it.
 *
 * @param size bytes; of a per-organization attachment, the reader's own file (organizations) or all
 *     files together
 * @param organizationFiles of a per-organization attachment, how many organizations have a file
 *     (shown to authors and coordinators; null otherwise)
 * @param downloaded whether the reader's organization has downloaded it (organizations; null
 *     otherwise)
 */
record AttachmentItem(
    long id,
    MaterialKind kind,
    String fileName,
    long size,
    boolean perOrganization,
    Integer organizationFiles,
    Boolean downloaded) {}
