package nl.duoviewer.network.content;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import nl.duoviewer.core.dicom.DicomObject;
import nl.duoviewer.core.dicom.DicomWriter;
import nl.duoviewer.core.dicom.Sequence;
import nl.duoviewer.core.dicom.Tag;
import nl.duoviewer.core.dicom.VR;
import nl.duoviewer.core.patient.Bsn;
import nl.duoviewer.network.catalogue.DemoCatalogue;
import nl.duoviewer.network.catalogue.DemoPatient;
import nl.duoviewer.network.catalogue.DemoReport;
import nl.duoviewer.network.catalogue.DemoSeries;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Institution;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.catalogue.Publication;

/**
 * Serves a real DICOM Key Object Selection document (SOP Class 1.2.840.10008.5.1.4.1.1.88.59, TID 2010 "Manifest")
 * as each study's manifest, written with the project's DicomWriter in Explicit VR Little Endian. The evidence
 * sequence lists every series with the publishing institution's repository as Retrieve Location UID and, where the
 * community offers WADO-RS, the series' Retrieve URL. Images and reports come from the delegate. The bytes depend
 * only on the catalogue, so every call yields the same document.
 */
public final class KosStudyContent implements StudyContent {

    public static final String KOS_SOP_CLASS = "1.2.840.10008.5.1.4.1.1.88.59";
    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss");

    private final StudyContent delegate;
    private final DemoCatalogue catalogue;
    private final Function<Network, URI> wadoBases;

    /**
     * @param delegate  content of images and reports
     * @param wadoBases WADO-RS base of a network, or null when it has none; asked when a manifest is made
     */
    public KosStudyContent(StudyContent delegate, DemoCatalogue catalogue, Function<Network, URI> wadoBases) {
        this.delegate = delegate;
        this.catalogue = catalogue;
        this.wadoBases = wadoBases;
    }

    @Override
    public ContentSource manifest(DemoStudy study, Publication publication) {
        byte[] bytes = kos(study, publication);
        return new ContentSource() {
            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }

    /** The manifest as a DICOM Part-10 file. */
    public byte[] kos(DemoStudy study, Publication publication) {
        DicomObject ds = dataset(study, publication);
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096 + study.instanceCount() * 200);
        try {
            DicomWriter.write(ds, EXPLICIT_LE, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private DicomObject dataset(DemoStudy study, Publication pub) {
        Institution inst = pub.institution();
        DemoPatient patient = catalogue.patientOfStudy(study.studyInstanceUid()).orElseThrow();
        DicomObject ds = new DicomObject(48);
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.SOPClassUID, VR.UI, KOS_SOP_CLASS);
        ds.setString(Tag.SOPInstanceUID, VR.UI, pub.kosDocumentUid());
        ds.setString(Tag.StudyDate, VR.DA, study.dateTime().format(DA));
        ds.setString(Tag.ContentDate, VR.DA, study.dateTime().format(DA));
        ds.setString(Tag.StudyTime, VR.TM, study.dateTime().format(TM));
        ds.setString(Tag.ContentTime, VR.TM, study.dateTime().format(TM));
        ds.setString(Tag.AccessionNumber, VR.SH, study.accessionNumber());
        ds.setString(Tag.Modality, VR.CS, "KO");
        ds.setString(Tag.Manufacturer, VR.LO, "DUO demo network");
        ds.setString(Tag.InstitutionName, VR.LO, inst.name());
        ds.setString(Tag.ReferringPhysicianName, VR.PN, "");
        ds.setString(Tag.StudyDescription, VR.LO, study.description());
        ds.setString(Tag.SeriesDescription, VR.LO, "XDS-I manifest");
        ds.newSequence(Tag.ReferencedPerformedProcedureStepSequence);
        ds.setString(Tag.PatientName, VR.PN, patient.familyName() + "^" + patient.givenName());
        ds.setString(Tag.PatientID, VR.LO, patient.bsn().value());
        ds.setString(Tag.IssuerOfPatientID, VR.LO, Bsn.OID);
        ds.setString(Tag.PatientBirthDate, VR.DA, patient.birthDate().format(DA));
        ds.setString(Tag.PatientSex, VR.CS, patient.sex());
        ds.setString(Tag.StudyInstanceUID, VR.UI, study.studyInstanceUid());
        ds.setString(Tag.SeriesInstanceUID, VR.UI, pub.kosDocumentUid() + ".1");
        ds.setString(Tag.StudyID, VR.SH, study.accessionNumber().length() > 16
                ? study.accessionNumber().substring(0, 16) : study.accessionNumber());
        ds.setInt(Tag.SeriesNumber, VR.IS, 999);
        ds.setInt(Tag.InstanceNumber, VR.IS, 1);
        // SR document content: a CONTAINER titled "Manifest" (DCM 113030) per TID 2010
        ds.setString(Tag.ValueType, VR.CS, "CONTAINER");
        code(ds.newSequence(Tag.ConceptNameCodeSequence).addItem(), "113030", "DCM", "Manifest");
        ds.setString(Tag.ContinuityOfContent, VR.CS, "SEPARATE");
        DicomObject template = ds.newSequence(Tag.ContentTemplateSequence).addItem();
        template.setString(Tag.MappingResource, VR.CS, "DCMR");
        template.setString(Tag.TemplateIdentifier, VR.CS, "2010");

        URI wado = wadoBases.apply(inst.network());
        DicomObject evidence = ds.newSequence(Tag.CurrentRequestedProcedureEvidenceSequence).addItem();
        evidence.setString(Tag.StudyInstanceUID, VR.UI, study.studyInstanceUid());
        Sequence seriesSeq = evidence.newSequence(Tag.ReferencedSeriesSequence);
        Sequence content = ds.newSequence(Tag.ContentSequence);
        for (DemoSeries s : study.series()) {
            DicomObject item = seriesSeq.addItem();
            item.setString(Tag.SeriesInstanceUID, VR.UI, s.seriesInstanceUid());
            item.setString(Tag.RetrieveLocationUID, VR.UI, inst.repositoryUniqueId());
            if (wado != null) {
                item.setString(Tag.RetrieveURL, VR.UR, wado + "/studies/" + study.studyInstanceUid() + "/series/"
                        + s.seriesInstanceUid());
            }
            Sequence refs = item.newSequence(Tag.ReferencedSOPSequence);
            for (int i = 0; i < s.instanceCount(); i++) {
                DicomObject ref = refs.addItem();
                ref.setString(Tag.ReferencedSOPClassUID, VR.UI, s.sopClassUid());
                ref.setString(Tag.ReferencedSOPInstanceUID, VR.UI, s.instanceUid(i));
                DicomObject image = content.addItem();
                image.setString(Tag.RelationshipType, VR.CS, "CONTAINS");
                image.setString(Tag.ValueType, VR.CS, "IMAGE");
                DicomObject imageRef = image.newSequence(Tag.ReferencedSOPSequence).addItem();
                imageRef.setString(Tag.ReferencedSOPClassUID, VR.UI, s.sopClassUid());
                imageRef.setString(Tag.ReferencedSOPInstanceUID, VR.UI, s.instanceUid(i));
            }
        }
        return ds;
    }

    private static void code(DicomObject item, String value, String scheme, String meaning) {
        item.setString(Tag.CodeValue, VR.SH, value);
        item.setString(Tag.CodingSchemeDesignator, VR.SH, scheme);
        item.setString(Tag.CodeMeaning, VR.LO, meaning);
    }

    @Override
    public ContentSource instance(DemoStudy study, DemoSeries series, int index, String transferSyntaxUid) {
        return delegate.instance(study, series, index, transferSyntaxUid);
    }

    @Override
    public ContentSource report(DemoStudy study, DemoReport report) {
        return delegate.report(study, report);
    }

    @Override
    public List<String> transferSyntaxes(Network network, DemoSeries series) {
        return delegate.transferSyntaxes(network, series);
    }
}
