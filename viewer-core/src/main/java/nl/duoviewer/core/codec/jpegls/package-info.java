/**
 * JPEG-LS (ISO 14495-1): lossless and near-lossless decoding and encoding, all interleave modes, as CharLS (inside
 * dcmtk and gdcm) codes them. Uses {@code codec.jpeg} for the marker syntax and the entropy bit cache it shares.
 */
package nl.duoviewer.core.codec.jpegls;
