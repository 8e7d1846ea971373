/**
 * From decoded samples to display pixels: modality, VOI and presentation LUTs, palette colour, YBR to RGB
 * ({@link nl.duoviewer.core.pixel.FrameRenderer} into a reusable {@link nl.duoviewer.core.pixel.DisplayImage}); the
 * pixels the viewer holds per frame ({@link nl.duoviewer.core.pixel.DecodedFrame} with
 * {@link nl.duoviewer.core.pixel.GrayscalePixels} or {@link nl.duoviewer.core.pixel.ColorPixels}, made by
 * {@link nl.duoviewer.core.pixel.DisplayPixels} from what {@link nl.duoviewer.core.pixel.ImageAttributes} says about
 * the object); and {@link nl.duoviewer.core.pixel.FramePipeline}, the one decode pipeline of the product: bounded,
 * nearest the frame on screen first, cancellable per study. No JavaFX here: the app wraps ARGB in a WritableImage.
 */
package nl.duoviewer.core.pixel;
