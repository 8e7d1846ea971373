package nl.duoviewer.network.gateway;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import nl.duoviewer.core.dicom.DicomFile;
import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.DicomReader;
import nl.duoviewer.core.dicom.DicomWriter;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.VR;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.content.ContentSource;

/**
 * The DICOM side of the {@link FaultProfile} variants: a community's KOS manifests and images as a source that
 * differs from the demo network's defaults would send them. Objects are rewritten only while a variant is on (read,
 * changed, written again with the product's reader and writer), so the default path stays byte for byte the
 * generated content. Content that is not DICOM (the protocol tests' deterministic bytes) passes unchanged.
 */
public final class ContentVariants {

    /** Retrieve AE Title the variant leaves in place of a Retrieve Location UID: usable for DIMSE only. */
    static final String DIMSE_ONLY_AE = "DUO_PACS";

    private ContentVariants() {
    }

    /** A community's KOS manifest with the variants that are on. */
    static ContentSource manifest(ContentSource kos, FaultProfile faults, Network network) {
        boolean noLocation = faults.seriesWithoutRetrieveLocation();
        boolean local = faults.localPatientId();
        if (!noLocation && !local) {
            return kos;
        }
        return rewrite(kos, ds -> {
            if (noLocation) {
                withoutRetrieveLocation(ds);
            }
            if (local) {
                localPatientId(ds, network);
            }
        });
    }

    /** A community's image with the variants that are on. */
    public static ContentSource instance(ContentSource image, FaultProfile faults, Network network) {
        return faults.localPatientId() ? rewrite(image, ds -> localPatientId(ds, network)) : image;
    }

    /** The first series of the evidence keeps only a Retrieve AE Title. */
    private static void withoutRetrieveLocation(DicomObject kos) {
        for (DicomObject study : kos.getSequence(Tag.CurrentRequestedProcedureEvidenceSequence)) {
            study.remove(Tag.RetrieveURL);
            for (DicomObject series : study.getSequence(Tag.ReferencedSeriesSequence)) {
                series.remove(Tag.RetrieveLocationUID);
                series.remove(Tag.RetrieveURL);
                series.setString(Tag.RetrieveAETitle, VR.AE, DIMSE_ONLY_AE);
                return;
            }
        }
    }

    /**
     * The source's local record number in Patient ID (issuer: the community's own id domain), and what the object
     * said before in an Other Patient IDs item issued by the BSN authority, so that an object of another patient
     * stays one of another patient.
     */
    static void localPatientId(DicomObject ds, Network network) {
        String before = ds.getString(Tag.PatientID, "");
        ds.setString(Tag.PatientID, VR.LO, localRecordNumber(before));
        ds.setString(Tag.IssuerOfPatientID, VR.LO, localDomain(network));
        DicomObject other = ds.newSequence(Tag.OtherPatientIDsSequence).addItem();
        other.setString(Tag.PatientID, VR.LO, before);
        other.setString(Tag.IssuerOfPatientID, VR.LO, Bsn.OID);
    }

    /** A stable local number that shares no digits' order with the BSN it stands for. */
    static String localRecordNumber(String bsn) {
        return "Z" + String.format("%07d", Math.floorMod(new StringBuilder(bsn).reverse().toString().hashCode(),
                10_000_000));
    }

    /** The community's local patient id domain: its gateway OID with a branch of its own, never the BSN OID. */
    static String localDomain(Network network) {
        return network.homeCommunityId().substring("urn:oid:".length()) + ".99";
    }

    private static ContentSource rewrite(ContentSource original, Consumer<DicomObject> change) {
        return new ContentSource() {
            private byte[] bytes;

            private synchronized byte[] bytes() {
                if (bytes == null) {
                    try {
                        byte[] raw = original.readAll();
                        bytes = changed(raw, change);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return bytes;
            }

            @Override
            public long length() {
                return bytes().length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes());
            }
        };
    }

    private static byte[] changed(byte[] raw, Consumer<DicomObject> change) throws IOException {
        if (raw.length < 132 || raw[128] != 'D' || raw[129] != 'I' || raw[130] != 'C' || raw[131] != 'M') {
            return raw; // not a Part-10 object (the protocol tests' bytes): the variant has nothing to change
        }
        DicomFile file = DicomReader.read(raw);
        DicomObject ds = file.dataset();
        change.accept(ds);
        DicomObject fmi = file.fileMetaInformation() != null ? file.fileMetaInformation()
                : DicomWriter.createFileMetaInformation(ds, file.transferSyntax().uid());
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 256);
        DicomWriter.write(fmi, ds, out);
        return out.toByteArray();
    }
}
