package nl.duoviewer.app.viewer;

import nl.duoviewer.core.pixel.DecodedFrame;

/** Which frame a measurement belongs to: the same frame of the same object, whichever viewport shows it. */
record FrameKey(String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid, int instanceNumber,
                int frameNumber) {

    static FrameKey of(DecodedFrame f) {
        return new FrameKey(f.studyInstanceUid(), f.seriesInstanceUid(), f.header().sopInstanceUid(),
                f.instanceNumber(), f.frameNumber());
    }
}
