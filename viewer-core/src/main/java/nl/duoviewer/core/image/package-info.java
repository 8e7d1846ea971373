/**
 * What an image's pixels are: {@link nl.duoviewer.core.image.ImageDescriptor} (the validated Image Pixel module),
 * {@link nl.duoviewer.core.image.Photometric}, and {@link nl.duoviewer.core.image.FrameBuffer}, the reusable holder
 * of one decoded frame that the codecs fill and the pixel pipeline reads.
 */
package nl.duoviewer.core.image;
