/**
 * From retrieved DICOM bytes to the pixels the viewer shows: reading an object frame by frame as it arrives, decoding
 * frames on a bounded pool of threads, and mapping decoded samples to {@link nl.duoviewer.app.imaging.FramePixels}.
 * Nothing here touches the network or JavaFX.
 */
package nl.duoviewer.app.decoding;
