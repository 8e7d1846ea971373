/**
 * Frame decoders and encoders per transfer syntax. {@link nl.duoviewer.core.codec.FrameDecoders} picks a
 * {@link nl.duoviewer.core.codec.FrameDecoder}; {@link nl.duoviewer.core.codec.FrameEncoders} a
 * {@link nl.duoviewer.core.codec.FrameEncoder}. Native, RLE, JPEG (baseline, extended 12-bit, lossless) and JPEG-LS
 * are pure Java; JPEG 2000 and HTJ2K go through OpenCV's OpenJPEG. Every failure is a
 * {@link nl.duoviewer.core.codec.FrameDecodeException} naming the syntax and frame.
 */
package nl.duoviewer.core.codec;
