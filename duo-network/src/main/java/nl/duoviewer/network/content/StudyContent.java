package nl.duoviewer.network.content;

import java.util.List;

import nl.duoviewer.network.catalogue.DemoReport;
import nl.duoviewer.network.catalogue.DemoSeries;
import nl.duoviewer.network.catalogue.DemoStudy;
import nl.duoviewer.network.catalogue.Network;
import nl.duoviewer.network.catalogue.Publication;

/**
 * Produces the documents the embedded network serves for its catalogue: a study's KOS manifest, its images in a
 * requested transfer syntax, and reports. The catalogue is metadata only; implementations decide what the bytes
 * are (deterministic test bytes now, real DICOM once a writer and encoders exist).
 */
public interface StudyContent {

    /** The KOS manifest one institution registered for the study. */
    ContentSource manifest(DemoStudy study, Publication publication);

    /**
     * One image.
     *
     * @param index            0-based instance index in the series
     * @param transferSyntaxUid one of {@link #transferSyntaxes}
     */
    ContentSource instance(DemoStudy study, DemoSeries series, int index, String transferSyntaxUid);

    /** The report document. */
    ContentSource report(DemoStudy study, DemoReport report);

    /** Transfer syntaxes the network can deliver this series in, preferred first. */
    List<String> transferSyntaxes(Network network, DemoSeries series);
}
