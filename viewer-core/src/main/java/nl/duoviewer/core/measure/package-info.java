/**
 * Measurements on a frame, without any UI: the shapes a user draws ({@link nl.duoviewer.core.measure.Shape}, in
 * image pixel coordinates), and what they read ({@link nl.duoviewer.core.measure.Measure}): lengths and areas from
 * the pixel spacing (labelled when it is the detector's), angles, and region statistics in modality units through the
 * frame's own modality transformation. Decision record 28.
 */
package nl.duoviewer.core.measure;
