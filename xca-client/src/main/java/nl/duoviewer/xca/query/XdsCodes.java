package nl.duoviewer.xca.query;

/** XDS(-I) codes used to find imaging manifests and reports (domain brief §3). */
public final class XdsCodes {

    /** Key Object Selection SOP Class: the formatCode of an imaging manifest. */
    public static final String KOS_FORMAT_CODE = "1.2.840.10008.5.1.4.1.1.88.59";
    /** Coding scheme of DICOM SOP class format codes. */
    public static final String KOS_FORMAT_SCHEME = "1.2.840.10008.2.6.1";
    /** Radiology report typeCode (SNOMED CT, Twiin). */
    public static final String REPORT_TYPE_CODE = "722124004";
    /** Imaging documentation classCode (SNOMED CT, Twiin). */
    public static final String IMAGING_CLASS_CODE = "9491000146107";
    public static final String SNOMED = "2.16.840.1.113883.6.96";
    /** Report formatCode (Twiin). */
    public static final String PDF_REPORT_FORMAT_CODE = "urn:ihe:rad:PDF";
    /** Coding scheme of the IHE format codes (PDF, CDA and text reports). */
    public static final String PDF_REPORT_FORMAT_SCHEME = "1.3.6.1.4.1.19376.1.2.3";
    /** IHE RAD formatCode of an HL7 CDA R2 imaging report with structured headings. */
    public static final String CDA_REPORT_FORMAT_CODE = "urn:ihe:rad:CDA:ImagingReportStructuredHeadings:2013";
    /** IHE RAD formatCode of a plain-text imaging report. */
    public static final String TEXT_REPORT_FORMAT_CODE = "urn:ihe:rad:TEXT";
    /** Basic Text SR SOP Class: the formatCode of a DICOM SR report (scheme {@link #KOS_FORMAT_SCHEME}). */
    public static final String BASIC_TEXT_SR_FORMAT_CODE = "1.2.840.10008.5.1.4.1.1.88.11";
    /** DICOM controlled terminology: modality codes in the eventCodeList. */
    public static final String DCM = "1.2.840.10008.2.16.4";

    public static final String REF_STUDY_INSTANCE_UID = "urn:ihe:iti:xds:2016:studyInstanceUID";
    public static final String REF_ACCESSION = "urn:ihe:iti:xds:2013:accession";

    public static final String TOO_MANY_RESULTS = "XDSTooManyResults";
    public static final String REGISTRY_BUSY = "XDSRegistryBusy";

    private XdsCodes() {
    }
}
