/**
 * From decoded samples to display pixels: modality, VOI and presentation LUTs, palette colour, YBR to RGB
 * ({@link nl.duoviewer.core.pixel.FrameRenderer} into a reusable {@link nl.duoviewer.core.pixel.DisplayImage}), and
 * {@link nl.duoviewer.core.pixel.FramePipeline}, which decodes a multi-frame image nearest-the-current-frame first on
 * a bounded set of threads. No JavaFX here: the app wraps the int[] in a WritableImage.
 */
package nl.duoviewer.core.pixel;
