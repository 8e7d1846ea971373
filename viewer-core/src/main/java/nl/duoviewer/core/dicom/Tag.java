// Generated from src/main/dictionary/dicom-dictionary.tsv by DictionaryGenerator (test sources).
// Do not edit: change the TSV and regenerate.
package nl.duoviewer.core.dicom;

/**
 * The DICOM tags this product uses, as {@code (group << 16) | element}. Repeating groups (60xx) are given
 * for their first group. Names are the PS3.6 keywords.
 */
@SuppressWarnings("unused")
public final class Tag {

    /** (FFFE,E000) Item. */
    public static final int Item = 0xFFFEE000;
    /** (FFFE,E00D) Item Delimitation Item. */
    public static final int ItemDelimitationItem = 0xFFFEE00D;
    /** (FFFE,E0DD) Sequence Delimitation Item. */
    public static final int SequenceDelimitationItem = 0xFFFEE0DD;

    /** (0002,0000) UL. */
    public static final int FileMetaInformationGroupLength = 0x00020000;
    /** (0002,0001) OB. */
    public static final int FileMetaInformationVersion = 0x00020001;
    /** (0002,0002) UI. */
    public static final int MediaStorageSOPClassUID = 0x00020002;
    /** (0002,0003) UI. */
    public static final int MediaStorageSOPInstanceUID = 0x00020003;
    /** (0002,0010) UI. */
    public static final int TransferSyntaxUID = 0x00020010;
    /** (0002,0012) UI. */
    public static final int ImplementationClassUID = 0x00020012;
    /** (0002,0013) SH. */
    public static final int ImplementationVersionName = 0x00020013;
    /** (0002,0016) AE. */
    public static final int SourceApplicationEntityTitle = 0x00020016;
    /** (0002,0017) AE. */
    public static final int SendingApplicationEntityTitle = 0x00020017;
    /** (0002,0018) AE. */
    public static final int ReceivingApplicationEntityTitle = 0x00020018;
    /** (0002,0100) UI. */
    public static final int PrivateInformationCreatorUID = 0x00020100;
    /** (0002,0102) OB. */
    public static final int PrivateInformation = 0x00020102;
    /** (0004,1130) CS. */
    public static final int FileSetID = 0x00041130;
    /** (0004,1200) UL. */
    public static final int OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity = 0x00041200;
    /** (0004,1202) UL. */
    public static final int OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity = 0x00041202;
    /** (0004,1212) US. */
    public static final int FileSetConsistencyFlag = 0x00041212;
    /** (0004,1220) SQ. */
    public static final int DirectoryRecordSequence = 0x00041220;
    /** (0004,1400) UL. */
    public static final int OffsetOfTheNextDirectoryRecord = 0x00041400;
    /** (0004,1410) US. */
    public static final int RecordInUseFlag = 0x00041410;
    /** (0004,1420) UL. */
    public static final int OffsetOfReferencedLowerLevelDirectoryEntity = 0x00041420;
    /** (0004,1430) CS. */
    public static final int DirectoryRecordType = 0x00041430;
    /** (0004,1500) CS. */
    public static final int ReferencedFileID = 0x00041500;
    /** (0004,1510) UI. */
    public static final int ReferencedSOPClassUIDInFile = 0x00041510;
    /** (0004,1511) UI. */
    public static final int ReferencedSOPInstanceUIDInFile = 0x00041511;
    /** (0004,1512) UI. */
    public static final int ReferencedTransferSyntaxUIDInFile = 0x00041512;
    /** (0008,0005) CS. */
    public static final int SpecificCharacterSet = 0x00080005;
    /** (0008,0008) CS. */
    public static final int ImageType = 0x00080008;
    /** (0008,0012) DA. */
    public static final int InstanceCreationDate = 0x00080012;
    /** (0008,0013) TM. */
    public static final int InstanceCreationTime = 0x00080013;
    /** (0008,0014) UI. */
    public static final int InstanceCreatorUID = 0x00080014;
    /** (0008,0016) UI. */
    public static final int SOPClassUID = 0x00080016;
    /** (0008,0018) UI. */
    public static final int SOPInstanceUID = 0x00080018;
    /** (0008,0020) DA. */
    public static final int StudyDate = 0x00080020;
    /** (0008,0021) DA. */
    public static final int SeriesDate = 0x00080021;
    /** (0008,0022) DA. */
    public static final int AcquisitionDate = 0x00080022;
    /** (0008,0023) DA. */
    public static final int ContentDate = 0x00080023;
    /** (0008,002A) DT. */
    public static final int AcquisitionDateTime = 0x0008002A;
    /** (0008,0030) TM. */
    public static final int StudyTime = 0x00080030;
    /** (0008,0031) TM. */
    public static final int SeriesTime = 0x00080031;
    /** (0008,0032) TM. */
    public static final int AcquisitionTime = 0x00080032;
    /** (0008,0033) TM. */
    public static final int ContentTime = 0x00080033;
    /** (0008,0050) SH. */
    public static final int AccessionNumber = 0x00080050;
    /** (0008,0051) SQ. */
    public static final int IssuerOfAccessionNumberSequence = 0x00080051;
    /** (0008,0052) CS. */
    public static final int QueryRetrieveLevel = 0x00080052;
    /** (0008,0054) AE. */
    public static final int RetrieveAETitle = 0x00080054;
    /** (0008,0056) CS. */
    public static final int InstanceAvailability = 0x00080056;
    /** (0008,0058) UI. */
    public static final int FailedSOPInstanceUIDList = 0x00080058;
    /** (0008,0060) CS. */
    public static final int Modality = 0x00080060;
    /** (0008,0061) CS. */
    public static final int ModalitiesInStudy = 0x00080061;
    /** (0008,0064) CS. */
    public static final int ConversionType = 0x00080064;
    /** (0008,0068) CS. */
    public static final int PresentationIntentType = 0x00080068;
    /** (0008,0070) LO. */
    public static final int Manufacturer = 0x00080070;
    /** (0008,0080) LO. */
    public static final int InstitutionName = 0x00080080;
    /** (0008,0081) ST. */
    public static final int InstitutionAddress = 0x00080081;
    /** (0008,0082) SQ. */
    public static final int InstitutionCodeSequence = 0x00080082;
    /** (0008,0090) PN. */
    public static final int ReferringPhysicianName = 0x00080090;
    /** (0008,0100) SH. */
    public static final int CodeValue = 0x00080100;
    /** (0008,0102) SH. */
    public static final int CodingSchemeDesignator = 0x00080102;
    /** (0008,0103) SH. */
    public static final int CodingSchemeVersion = 0x00080103;
    /** (0008,0104) LO. */
    public static final int CodeMeaning = 0x00080104;
    /** (0008,0105) CS. */
    public static final int MappingResource = 0x00080105;
    /** (0008,0106) DT. */
    public static final int ContextGroupVersion = 0x00080106;
    /** (0008,010F) CS. */
    public static final int ContextIdentifier = 0x0008010F;
    /** (0008,0119) UC. */
    public static final int LongCodeValue = 0x00080119;
    /** (0008,0120) UR. */
    public static final int URNCodeValue = 0x00080120;
    /** (0008,0201) SH. */
    public static final int TimezoneOffsetFromUTC = 0x00080201;
    /** (0008,1010) SH. */
    public static final int StationName = 0x00081010;
    /** (0008,1030) LO. */
    public static final int StudyDescription = 0x00081030;
    /** (0008,1032) SQ. */
    public static final int ProcedureCodeSequence = 0x00081032;
    /** (0008,103E) LO. */
    public static final int SeriesDescription = 0x0008103E;
    /** (0008,1040) LO. */
    public static final int InstitutionalDepartmentName = 0x00081040;
    /** (0008,1050) PN. */
    public static final int PerformingPhysicianName = 0x00081050;
    /** (0008,1060) PN. */
    public static final int NameOfPhysiciansReadingStudy = 0x00081060;
    /** (0008,1070) PN. */
    public static final int OperatorsName = 0x00081070;
    /** (0008,1090) LO. */
    public static final int ManufacturerModelName = 0x00081090;
    /** (0008,1110) SQ. */
    public static final int ReferencedStudySequence = 0x00081110;
    /** (0008,1111) SQ. */
    public static final int ReferencedPerformedProcedureStepSequence = 0x00081111;
    /** (0008,1115) SQ. */
    public static final int ReferencedSeriesSequence = 0x00081115;
    /** (0008,1120) SQ. */
    public static final int ReferencedPatientSequence = 0x00081120;
    /** (0008,1140) SQ. */
    public static final int ReferencedImageSequence = 0x00081140;
    /** (0008,1150) UI. */
    public static final int ReferencedSOPClassUID = 0x00081150;
    /** (0008,1155) UI. */
    public static final int ReferencedSOPInstanceUID = 0x00081155;
    /** (0008,1160) IS. */
    public static final int ReferencedFrameNumber = 0x00081160;
    /** (0008,1190) UR. */
    public static final int RetrieveURL = 0x00081190;
    /** (0008,1199) SQ. */
    public static final int ReferencedSOPSequence = 0x00081199;
    /** (0008,1250) SQ. */
    public static final int RelatedSeriesSequence = 0x00081250;
    /** (0008,2111) ST. */
    public static final int DerivationDescription = 0x00082111;
    /** (0008,2112) SQ. */
    public static final int SourceImageSequence = 0x00082112;
    /** (0008,2218) SQ. */
    public static final int AnatomicRegionSequence = 0x00082218;
    /** (0008,3001) SQ. */
    public static final int AlternateRepresentationSequence = 0x00083001;
    /** (0008,9007) CS. */
    public static final int FrameType = 0x00089007;
    /** (0008,9205) CS. */
    public static final int PixelPresentation = 0x00089205;
    /** (0008,9206) CS. */
    public static final int VolumetricProperties = 0x00089206;
    /** (0008,9207) CS. */
    public static final int VolumeBasedCalculationTechnique = 0x00089207;
    /** (0010,0010) PN. */
    public static final int PatientName = 0x00100010;
    /** (0010,0020) LO. */
    public static final int PatientID = 0x00100020;
    /** (0010,0021) LO. */
    public static final int IssuerOfPatientID = 0x00100021;
    /** (0010,0024) SQ. */
    public static final int IssuerOfPatientIDQualifiersSequence = 0x00100024;
    /** (0010,0030) DA. */
    public static final int PatientBirthDate = 0x00100030;
    /** (0010,0040) CS. */
    public static final int PatientSex = 0x00100040;
    /** (0010,1002) SQ. */
    public static final int OtherPatientIDsSequence = 0x00101002;
    /** (0010,1010) AS. */
    public static final int PatientAge = 0x00101010;
    /** (0010,1020) DS. */
    public static final int PatientSize = 0x00101020;
    /** (0010,1030) DS. */
    public static final int PatientWeight = 0x00101030;
    /** (0010,4000) LT. */
    public static final int PatientComments = 0x00104000;
    /** (0018,0010) LO. */
    public static final int ContrastBolusAgent = 0x00180010;
    /** (0018,0015) CS. */
    public static final int BodyPartExamined = 0x00180015;
    /** (0018,0020) CS. */
    public static final int ScanningSequence = 0x00180020;
    /** (0018,0021) CS. */
    public static final int SequenceVariant = 0x00180021;
    /** (0018,0022) CS. */
    public static final int ScanOptions = 0x00180022;
    /** (0018,0023) CS. */
    public static final int MRAcquisitionType = 0x00180023;
    /** (0018,0050) DS. */
    public static final int SliceThickness = 0x00180050;
    /** (0018,0060) DS. */
    public static final int KVP = 0x00180060;
    /** (0018,0080) DS. */
    public static final int RepetitionTime = 0x00180080;
    /** (0018,0081) DS. */
    public static final int EchoTime = 0x00180081;
    /** (0018,0082) DS. */
    public static final int InversionTime = 0x00180082;
    /** (0018,0083) DS. */
    public static final int NumberOfAverages = 0x00180083;
    /** (0018,0084) DS. */
    public static final int ImagingFrequency = 0x00180084;
    /** (0018,0087) DS. */
    public static final int MagneticFieldStrength = 0x00180087;
    /** (0018,0088) DS. */
    public static final int SpacingBetweenSlices = 0x00180088;
    /** (0018,0091) IS. */
    public static final int EchoTrainLength = 0x00180091;
    /** (0018,1000) LO. */
    public static final int DeviceSerialNumber = 0x00181000;
    /** (0018,1020) LO. */
    public static final int SoftwareVersions = 0x00181020;
    /** (0018,1030) LO. */
    public static final int ProtocolName = 0x00181030;
    /** (0018,1063) DS. */
    public static final int FrameTime = 0x00181063;
    /** (0018,1065) DS. */
    public static final int FrameTimeVector = 0x00181065;
    /** (0018,1100) DS. */
    public static final int ReconstructionDiameter = 0x00181100;
    /** (0018,1110) DS. */
    public static final int DistanceSourceToDetector = 0x00181110;
    /** (0018,1111) DS. */
    public static final int DistanceSourceToPatient = 0x00181111;
    /** (0018,1114) DS. */
    public static final int EstimatedRadiographicMagnificationFactor = 0x00181114;
    /** (0018,1120) DS. */
    public static final int GantryDetectorTilt = 0x00181120;
    /** (0018,1130) DS. */
    public static final int TableHeight = 0x00181130;
    /** (0018,1150) IS. */
    public static final int ExposureTime = 0x00181150;
    /** (0018,1151) IS. */
    public static final int XRayTubeCurrent = 0x00181151;
    /** (0018,1152) IS. */
    public static final int Exposure = 0x00181152;
    /** (0018,1164) DS. */
    public static final int ImagerPixelSpacing = 0x00181164;
    /** (0018,1210) SH. */
    public static final int ConvolutionKernel = 0x00181210;
    /** (0018,1314) DS. */
    public static final int FlipAngle = 0x00181314;
    /** (0018,5100) CS. */
    public static final int PatientPosition = 0x00185100;
    /** (0018,5101) CS. */
    public static final int ViewPosition = 0x00185101;
    /** (0018,6011) SQ. */
    public static final int SequenceOfUltrasoundRegions = 0x00186011;
    /** (0018,9004) CS. */
    public static final int ContentQualification = 0x00189004;
    /** (0018,9073) FD. */
    public static final int AcquisitionDuration = 0x00189073;
    /** (0018,9087) FD. */
    public static final int DiffusionBValue = 0x00189087;
    /** (0018,9089) FD. */
    public static final int DiffusionGradientOrientation = 0x00189089;
    /** (0020,000D) UI. */
    public static final int StudyInstanceUID = 0x0020000D;
    /** (0020,000E) UI. */
    public static final int SeriesInstanceUID = 0x0020000E;
    /** (0020,0010) SH. */
    public static final int StudyID = 0x00200010;
    /** (0020,0011) IS. */
    public static final int SeriesNumber = 0x00200011;
    /** (0020,0012) IS. */
    public static final int AcquisitionNumber = 0x00200012;
    /** (0020,0013) IS. */
    public static final int InstanceNumber = 0x00200013;
    /** (0020,0020) CS. */
    public static final int PatientOrientation = 0x00200020;
    /** (0020,0032) DS. */
    public static final int ImagePositionPatient = 0x00200032;
    /** (0020,0037) DS. */
    public static final int ImageOrientationPatient = 0x00200037;
    /** (0020,0052) UI. */
    public static final int FrameOfReferenceUID = 0x00200052;
    /** (0020,0060) CS. */
    public static final int Laterality = 0x00200060;
    /** (0020,0062) CS. */
    public static final int ImageLaterality = 0x00200062;
    /** (0020,0100) IS. */
    public static final int TemporalPositionIdentifier = 0x00200100;
    /** (0020,0105) IS. */
    public static final int NumberOfTemporalPositions = 0x00200105;
    /** (0020,1002) IS. */
    public static final int ImagesInAcquisition = 0x00201002;
    /** (0020,1040) LO. */
    public static final int PositionReferenceIndicator = 0x00201040;
    /** (0020,1041) DS. */
    public static final int SliceLocation = 0x00201041;
    /** (0020,1206) IS. */
    public static final int NumberOfStudyRelatedSeries = 0x00201206;
    /** (0020,1208) IS. */
    public static final int NumberOfStudyRelatedInstances = 0x00201208;
    /** (0020,1209) IS. */
    public static final int NumberOfSeriesRelatedInstances = 0x00201209;
    /** (0020,4000) LT. */
    public static final int ImageComments = 0x00204000;
    /** (0020,9056) SH. */
    public static final int StackID = 0x00209056;
    /** (0020,9057) UL. */
    public static final int InStackPositionNumber = 0x00209057;
    /** (0020,9071) SQ. */
    public static final int FrameAnatomySequence = 0x00209071;
    /** (0020,9072) CS. */
    public static final int FrameLaterality = 0x00209072;
    /** (0020,9111) SQ. */
    public static final int FrameContentSequence = 0x00209111;
    /** (0020,9113) SQ. */
    public static final int PlanePositionSequence = 0x00209113;
    /** (0020,9116) SQ. */
    public static final int PlaneOrientationSequence = 0x00209116;
    /** (0020,9128) UL. */
    public static final int TemporalPositionIndex = 0x00209128;
    /** (0020,9153) FD. */
    public static final int NominalCardiacTriggerDelayTime = 0x00209153;
    /** (0020,9157) UL. */
    public static final int DimensionIndexValues = 0x00209157;
    /** (0020,9221) SQ. */
    public static final int DimensionOrganizationSequence = 0x00209221;
    /** (0020,9222) SQ. */
    public static final int DimensionIndexSequence = 0x00209222;
    /** (0028,0002) US. */
    public static final int SamplesPerPixel = 0x00280002;
    /** (0028,0004) CS. */
    public static final int PhotometricInterpretation = 0x00280004;
    /** (0028,0006) US. */
    public static final int PlanarConfiguration = 0x00280006;
    /** (0028,0008) IS. */
    public static final int NumberOfFrames = 0x00280008;
    /** (0028,0009) AT. */
    public static final int FrameIncrementPointer = 0x00280009;
    /** (0028,0010) US. */
    public static final int Rows = 0x00280010;
    /** (0028,0011) US. */
    public static final int Columns = 0x00280011;
    /** (0028,0030) DS. */
    public static final int PixelSpacing = 0x00280030;
    /** (0028,0034) IS. */
    public static final int PixelAspectRatio = 0x00280034;
    /** (0028,0100) US. */
    public static final int BitsAllocated = 0x00280100;
    /** (0028,0101) US. */
    public static final int BitsStored = 0x00280101;
    /** (0028,0102) US. */
    public static final int HighBit = 0x00280102;
    /** (0028,0103) US. */
    public static final int PixelRepresentation = 0x00280103;
    /** (0028,0106) US. */
    public static final int SmallestImagePixelValue = 0x00280106;
    /** (0028,0107) US. */
    public static final int LargestImagePixelValue = 0x00280107;
    /** (0028,0120) US. */
    public static final int PixelPaddingValue = 0x00280120;
    /** (0028,0121) US. */
    public static final int PixelPaddingRangeLimit = 0x00280121;
    /** (0028,0300) CS. */
    public static final int QualityControlImage = 0x00280300;
    /** (0028,0301) CS. */
    public static final int BurnedInAnnotation = 0x00280301;
    /** (0028,0302) CS. */
    public static final int RecognizableVisualFeatures = 0x00280302;
    /** (0028,1040) CS. */
    public static final int PixelIntensityRelationship = 0x00281040;
    /** (0028,1041) SS. */
    public static final int PixelIntensityRelationshipSign = 0x00281041;
    /** (0028,1050) DS. */
    public static final int WindowCenter = 0x00281050;
    /** (0028,1051) DS. */
    public static final int WindowWidth = 0x00281051;
    /** (0028,1052) DS. */
    public static final int RescaleIntercept = 0x00281052;
    /** (0028,1053) DS. */
    public static final int RescaleSlope = 0x00281053;
    /** (0028,1054) LO. */
    public static final int RescaleType = 0x00281054;
    /** (0028,1055) LO. */
    public static final int WindowCenterWidthExplanation = 0x00281055;
    /** (0028,1056) CS. */
    public static final int VOILUTFunction = 0x00281056;
    /** (0028,1101) US. */
    public static final int RedPaletteColorLookupTableDescriptor = 0x00281101;
    /** (0028,1102) US. */
    public static final int GreenPaletteColorLookupTableDescriptor = 0x00281102;
    /** (0028,1103) US. */
    public static final int BluePaletteColorLookupTableDescriptor = 0x00281103;
    /** (0028,1199) UI. */
    public static final int PaletteColorLookupTableUID = 0x00281199;
    /** (0028,1201) OW. */
    public static final int RedPaletteColorLookupTableData = 0x00281201;
    /** (0028,1202) OW. */
    public static final int GreenPaletteColorLookupTableData = 0x00281202;
    /** (0028,1203) OW. */
    public static final int BluePaletteColorLookupTableData = 0x00281203;
    /** (0028,1221) OW. */
    public static final int SegmentedRedPaletteColorLookupTableData = 0x00281221;
    /** (0028,1222) OW. */
    public static final int SegmentedGreenPaletteColorLookupTableData = 0x00281222;
    /** (0028,1223) OW. */
    public static final int SegmentedBluePaletteColorLookupTableData = 0x00281223;
    /** (0028,2000) OB. */
    public static final int ICCProfile = 0x00282000;
    /** (0028,2110) CS. */
    public static final int LossyImageCompression = 0x00282110;
    /** (0028,2112) DS. */
    public static final int LossyImageCompressionRatio = 0x00282112;
    /** (0028,2114) CS. */
    public static final int LossyImageCompressionMethod = 0x00282114;
    /** (0028,3000) SQ. */
    public static final int ModalityLUTSequence = 0x00283000;
    /** (0028,3002) US. */
    public static final int LUTDescriptor = 0x00283002;
    /** (0028,3003) LO. */
    public static final int LUTExplanation = 0x00283003;
    /** (0028,3004) LO. */
    public static final int ModalityLUTType = 0x00283004;
    /** (0028,3006) US. */
    public static final int LUTData = 0x00283006;
    /** (0028,3010) SQ. */
    public static final int VOILUTSequence = 0x00283010;
    /** (0028,7FE0) UR. */
    public static final int PixelDataProviderURL = 0x00287FE0;
    /** (0028,9001) UL. */
    public static final int DataPointRows = 0x00289001;
    /** (0028,9002) UL. */
    public static final int DataPointColumns = 0x00289002;
    /** (0028,9110) SQ. */
    public static final int PixelMeasuresSequence = 0x00289110;
    /** (0028,9132) SQ. */
    public static final int FrameVOILUTSequence = 0x00289132;
    /** (0028,9145) SQ. */
    public static final int PixelValueTransformationSequence = 0x00289145;
    /** (0032,1032) PN. */
    public static final int RequestingPhysician = 0x00321032;
    /** (0032,1060) LO. */
    public static final int RequestedProcedureDescription = 0x00321060;
    /** (0032,1064) SQ. */
    public static final int RequestedProcedureCodeSequence = 0x00321064;
    /** (0040,0244) DA. */
    public static final int PerformedProcedureStepStartDate = 0x00400244;
    /** (0040,0245) TM. */
    public static final int PerformedProcedureStepStartTime = 0x00400245;
    /** (0040,0253) SH. */
    public static final int PerformedProcedureStepID = 0x00400253;
    /** (0040,0254) LO. */
    public static final int PerformedProcedureStepDescription = 0x00400254;
    /** (0040,0260) SQ. */
    public static final int PerformedProtocolCodeSequence = 0x00400260;
    /** (0040,0275) SQ. */
    public static final int RequestAttributesSequence = 0x00400275;
    /** (0040,0555) SQ. */
    public static final int AcquisitionContextSequence = 0x00400555;
    /** (0040,08EA) SQ. */
    public static final int MeasurementUnitsCodeSequence = 0x004008EA;
    /** (0040,1001) SH. */
    public static final int RequestedProcedureID = 0x00401001;
    /** (0040,9096) SQ. */
    public static final int RealWorldValueMappingSequence = 0x00409096;
    /** (0040,9210) SH. */
    public static final int LUTLabel = 0x00409210;
    /** (0040,9211) US. */
    public static final int RealWorldValueLastValueMapped = 0x00409211;
    /** (0040,9216) US. */
    public static final int RealWorldValueFirstValueMapped = 0x00409216;
    /** (0040,9224) FD. */
    public static final int RealWorldValueIntercept = 0x00409224;
    /** (0040,9225) FD. */
    public static final int RealWorldValueSlope = 0x00409225;
    /** (0040,A010) CS. */
    public static final int RelationshipType = 0x0040A010;
    /** (0040,A027) LO. */
    public static final int VerifyingOrganization = 0x0040A027;
    /** (0040,A030) DT. */
    public static final int VerificationDateTime = 0x0040A030;
    /** (0040,A032) DT. */
    public static final int ObservationDateTime = 0x0040A032;
    /** (0040,A040) CS. */
    public static final int ValueType = 0x0040A040;
    /** (0040,A043) SQ. */
    public static final int ConceptNameCodeSequence = 0x0040A043;
    /** (0040,A050) CS. */
    public static final int ContinuityOfContent = 0x0040A050;
    /** (0040,A073) SQ. */
    public static final int VerifyingObserverSequence = 0x0040A073;
    /** (0040,A075) PN. */
    public static final int VerifyingObserverName = 0x0040A075;
    /** (0040,A078) SQ. */
    public static final int AuthorObserverSequence = 0x0040A078;
    /** (0040,A088) SQ. */
    public static final int VerifyingObserverIdentificationCodeSequence = 0x0040A088;
    /** (0040,A120) DT. */
    public static final int DateTime = 0x0040A120;
    /** (0040,A121) DA. */
    public static final int Date = 0x0040A121;
    /** (0040,A122) TM. */
    public static final int Time = 0x0040A122;
    /** (0040,A123) PN. */
    public static final int PersonName = 0x0040A123;
    /** (0040,A124) UI. */
    public static final int UID = 0x0040A124;
    /** (0040,A160) UT. */
    public static final int TextValue = 0x0040A160;
    /** (0040,A168) SQ. */
    public static final int ConceptCodeSequence = 0x0040A168;
    /** (0040,A170) SQ. */
    public static final int PurposeOfReferenceCodeSequence = 0x0040A170;
    /** (0040,A300) SQ. */
    public static final int MeasuredValueSequence = 0x0040A300;
    /** (0040,A30A) DS. */
    public static final int NumericValue = 0x0040A30A;
    /** (0040,A370) SQ. */
    public static final int ReferencedRequestSequence = 0x0040A370;
    /** (0040,A372) SQ. */
    public static final int PerformedProcedureCodeSequence = 0x0040A372;
    /** (0040,A375) SQ. */
    public static final int CurrentRequestedProcedureEvidenceSequence = 0x0040A375;
    /** (0040,A385) SQ. */
    public static final int PertinentOtherEvidenceSequence = 0x0040A385;
    /** (0040,A491) CS. */
    public static final int CompletionFlag = 0x0040A491;
    /** (0040,A493) CS. */
    public static final int VerificationFlag = 0x0040A493;
    /** (0040,A496) CS. */
    public static final int PreliminaryFlag = 0x0040A496;
    /** (0040,A504) SQ. */
    public static final int ContentTemplateSequence = 0x0040A504;
    /** (0040,A525) SQ. */
    public static final int IdenticalDocumentsSequence = 0x0040A525;
    /** (0040,A730) SQ. */
    public static final int ContentSequence = 0x0040A730;
    /** (0040,DB00) CS. */
    public static final int TemplateIdentifier = 0x0040DB00;
    /** (0040,DB73) UL. */
    public static final int ReferencedContentItemIdentifier = 0x0040DB73;
    /** (0040,E001) ST. */
    public static final int HL7InstanceIdentifier = 0x0040E001;
    /** (0040,E011) UI. */
    public static final int RetrieveLocationUID = 0x0040E011;
    /** (0054,0016) SQ. */
    public static final int RadiopharmaceuticalInformationSequence = 0x00540016;
    /** (0054,0081) US. */
    public static final int NumberOfSlices = 0x00540081;
    /** (0054,1001) CS. */
    public static final int Units = 0x00541001;
    /** (0070,0080) CS. */
    public static final int ContentLabel = 0x00700080;
    /** (0070,0081) LO. */
    public static final int ContentDescription = 0x00700081;
    /** (0070,0082) DA. */
    public static final int PresentationCreationDate = 0x00700082;
    /** (0070,0083) TM. */
    public static final int PresentationCreationTime = 0x00700083;
    /** (0070,0084) PN. */
    public static final int ContentCreatorName = 0x00700084;
    /** (2050,0010) SQ. */
    public static final int PresentationLUTSequence = 0x20500010;
    /** (2050,0020) CS. */
    public static final int PresentationLUTShape = 0x20500020;
    /** (3004,000C) DS. */
    public static final int GridFrameOffsetVector = 0x3004000C;
    /** (3004,000E) DS. */
    public static final int DoseGridScaling = 0x3004000E;
    /** (5200,9229) SQ. */
    public static final int SharedFunctionalGroupsSequence = 0x52009229;
    /** (5200,9230) SQ. */
    public static final int PerFrameFunctionalGroupsSequence = 0x52009230;
    /** (5400,0100) SQ. */
    public static final int WaveformSequence = 0x54000100;
    /** (5400,1010) OW. */
    public static final int WaveformData = 0x54001010;
    /** (6000,0010) US, repeating group. */
    public static final int OverlayRows = 0x60000010;
    /** (6000,0011) US, repeating group. */
    public static final int OverlayColumns = 0x60000011;
    /** (6000,0022) LO, repeating group. */
    public static final int OverlayDescription = 0x60000022;
    /** (6000,0040) CS, repeating group. */
    public static final int OverlayType = 0x60000040;
    /** (6000,0050) SS, repeating group. */
    public static final int OverlayOrigin = 0x60000050;
    /** (6000,0100) US, repeating group. */
    public static final int OverlayBitsAllocated = 0x60000100;
    /** (6000,0102) US, repeating group. */
    public static final int OverlayBitPosition = 0x60000102;
    /** (6000,3000) OW, repeating group. */
    public static final int OverlayData = 0x60003000;
    /** (7FE0,0001) OV. */
    public static final int ExtendedOffsetTable = 0x7FE00001;
    /** (7FE0,0002) OV. */
    public static final int ExtendedOffsetTableLengths = 0x7FE00002;
    /** (7FE0,0008) OF. */
    public static final int FloatPixelData = 0x7FE00008;
    /** (7FE0,0009) OD. */
    public static final int DoubleFloatPixelData = 0x7FE00009;
    /** (7FE0,0010) OW. */
    public static final int PixelData = 0x7FE00010;
    /** (FFFA,FFFA) SQ. */
    public static final int DigitalSignaturesSequence = 0xFFFAFFFA;
    /** (FFFC,FFFC) OB. */
    public static final int DataSetTrailingPadding = 0xFFFCFFFC;

    private Tag() {
    }

    /** The tag as {@code (gggg,eeee)}. */
    public static String toString(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }
}
