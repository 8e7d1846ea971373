/**
 * Native (uncompressed) pixel data: every bit depth, both planar configurations, YBR_FULL_422 pairs, 1-bit frames.
 * Named "uncompressed" because {@code native} is a Java keyword.
 */
package nl.duoviewer.core.codec.uncompressed;
