/**
 * JPEG (ISO 10918-1): baseline, extended 12-bit and lossless (processes 14 and SV1) decoding with IJG 6b's arithmetic,
 * baseline encoding. Also home of what JPEG-LS shares with it: the marker segment syntax ({@link
 * nl.duoviewer.core.codec.jpeg.JpegMarkers}) and the bit cache of entropy-coded segments ({@link
 * nl.duoviewer.core.codec.jpeg.ScanBitReader}), each format keeping its own byte-stuffing rule.
 */
package nl.duoviewer.core.codec.jpeg;
