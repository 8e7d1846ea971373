package nl.duoviewer.core.timeline;

import java.util.Objects;

/**
 * Where a registered document (a KOS manifest or a report) can be retrieved: the XDS triple of community,
 * repository and document id.
 */
public record DocumentLocator(String homeCommunityId, String repositoryUniqueId, String documentUniqueId,
                              String mimeType) {

    public DocumentLocator {
        Objects.requireNonNull(homeCommunityId, "homeCommunityId");
        Objects.requireNonNull(repositoryUniqueId, "repositoryUniqueId");
        Objects.requireNonNull(documentUniqueId, "documentUniqueId");
        mimeType = mimeType == null ? "application/dicom" : mimeType;
    }
}
