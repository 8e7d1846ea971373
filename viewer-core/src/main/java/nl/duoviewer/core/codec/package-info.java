/**
 * The shared API of the frame codecs: {@link nl.duoviewer.core.codec.FrameDecoders} picks a
 * {@link nl.duoviewer.core.codec.FrameDecoder} for a transfer syntax, {@link nl.duoviewer.core.codec.FrameEncoders} a
 * {@link nl.duoviewer.core.codec.FrameEncoder}; every failure is a {@link nl.duoviewer.core.codec.FrameDecodeException}
 * naming the syntax and frame. The formats live in one package each ({@code uncompressed}, {@code rle}, {@code jpeg},
 * {@code jpegls}, {@code jpeg2000}), which depend on this package and never the reverse: each registers a
 * {@link nl.duoviewer.core.codec.FrameCodec} (a service), and extends {@link
 * nl.duoviewer.core.codec.AbstractFrameDecoder}, the one entry every decode passes through. Native, RLE, JPEG and
 * JPEG-LS are pure Java; JPEG 2000 and HTJ2K go through OpenCV's OpenJPEG.
 */
package nl.duoviewer.core.codec;
