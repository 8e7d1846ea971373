/**
 * JPEG 2000 and HTJ2K (ISO 15444-1, -15) through OpenCV's bundled OpenJPEG: the codestream's SIZ is checked against
 * the DICOM description before the native decoder allocates; signed codestreams are decoded exactly.
 */
package nl.duoviewer.core.codec.jpeg2000;
