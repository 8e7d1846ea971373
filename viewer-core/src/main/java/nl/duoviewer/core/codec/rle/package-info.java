/** RLE Lossless (PS3.5 Annex G): PackBits segments per byte plane; decoder and encoder. */
package nl.duoviewer.core.codec.rle;
