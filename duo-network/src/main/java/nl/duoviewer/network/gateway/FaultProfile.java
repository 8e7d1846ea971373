package nl.duoviewer.network.gateway;

import java.time.Duration;
import java.util.Random;

/**
 * How one community (or the Mitz service) misbehaves, changeable while the network runs. All settings start off
 * (a healthy service); {@link #reset()} returns there.
 *
 * <ul>
 *   <li>{@code latency}: every request waits this long before it is handled</li>
 *   <li>{@code bandwidth}: responses are written at most this many bytes per second</li>
 *   <li>{@code slowDrip}: responses trickle out in small chunks with pauses between them</li>
 *   <li>{@code errorRate}: this fraction of requests fails with a server error (seeded, so repeatable)</li>
 *   <li>{@code wrongPatient}: query responses name another patient</li>
 *   <li>{@code otherBirthDate}: query responses register the patient with a birth date a year off (a data-entry
 *       error at the source), so the sources' demographics disagree</li>
 *   <li>{@code oversized}: query responses are padded by this many bytes</li>
 *   <li>{@code oversizedRetrieve}: the SOAP part of retrieve responses is padded by this many bytes</li>
 *   <li>{@code reversedAttachments}: retrieve responses send their MTOM parts in the reverse order of the
 *       DocumentResponses that refer to them (legal MIME, but the client must hold the later parts back)</li>
 *   <li>{@code truncateImagesAfter}: image retrieve responses (RAD-69/75 MTOM packages, WADO-RS multipart) end after
 *       this many bytes of their body, in the middle of a part and without the closing boundary, as when a gateway
 *       or proxy drops the rest</li>
 *   <li>{@code wrongPatientImages}: image retrieves deliver another patient's instances under the requested UIDs
 *       (real objects whose Patient ID and Study Instance UID are the other patient's)</li>
 *   <li>{@code registryBusy}: the next n queries answer XDSRegistryBusy (-1: all)</li>
 *   <li>{@code tooManyResultsAbove}: a query matching more entries answers XDSTooManyResults</li>
 *   <li>{@code partialSuccess}: queries return half their entries with PartialSuccess; image retrieves leave
 *       out every other instance</li>
 * </ul>
 * Variants where real gateways differ from one another, each still conformant or at least seen in practice
 * (decision record 25):
 * <ul>
 *   <li>{@code otherPatientEntries}: in every query answer the first n entries name another patient, the rest are
 *       right (a registry that mislinked single entries)</li>
 *   <li>{@code bareHomeCommunityId}: home attributes and HomeCommunityId elements carry the OID without
 *       {@code urn:oid:}</li>
 *   <li>{@code objectRefsOnly}: FindDocuments is answered with ObjectRefs; the entries come with GetDocuments by
 *       entryUUID, at most {@link #MAX_GET_DOCUMENTS} per request (more is XDSTooManyResults)</li>
 *   <li>{@code seriesWithoutRetrieveLocation}: the first series of every KOS has a Retrieve AE Title but neither a
 *       Retrieve Location UID nor a Retrieve URL</li>
 *   <li>{@code localPatientId}: KOS and images carry the source's local record number in Patient ID and the BSN in
 *       the Other Patient IDs Sequence (issuer: the BSN OID)</li>
 * </ul>
 * Being down (connection refused) is switched on the community itself, because it closes the port.
 */
public final class FaultProfile {

    /** The most entry UUIDs one GetDocuments may ask for under {@code objectRefsOnly}. */
    public static final int MAX_GET_DOCUMENTS = 100;

    private volatile Duration latency = Duration.ZERO;
    private volatile long bytesPerSecond;
    private volatile int dripChunkBytes;
    private volatile Duration dripPause = Duration.ZERO;
    private volatile double errorRate;
    private volatile Random errorRandom = new Random(1);
    private volatile boolean wrongPatient;
    private volatile boolean otherBirthDate;
    private volatile int oversizedBytes;
    private volatile int registryBusy;
    private volatile int tooManyResultsAbove = Integer.MAX_VALUE;
    private volatile boolean partialSuccess;
    private volatile int oversizedRetrieveBytes;
    private volatile boolean reversedAttachments;
    private volatile int otherPatientEntries;
    private volatile boolean bareHomeCommunityId;
    private volatile boolean objectRefsOnly;
    private volatile boolean seriesWithoutRetrieveLocation;
    private volatile boolean localPatientId;
    private volatile long truncateImagesAfter;
    private volatile boolean wrongPatientImages;

    /** Back to a healthy service. */
    public synchronized FaultProfile reset() {
        latency = Duration.ZERO;
        bytesPerSecond = 0;
        dripChunkBytes = 0;
        dripPause = Duration.ZERO;
        errorRate = 0;
        wrongPatient = false;
        otherBirthDate = false;
        oversizedBytes = 0;
        registryBusy = 0;
        tooManyResultsAbove = Integer.MAX_VALUE;
        partialSuccess = false;
        oversizedRetrieveBytes = 0;
        reversedAttachments = false;
        otherPatientEntries = 0;
        bareHomeCommunityId = false;
        objectRefsOnly = false;
        seriesWithoutRetrieveLocation = false;
        localPatientId = false;
        truncateImagesAfter = 0;
        wrongPatientImages = false;
        return this;
    }

    public FaultProfile latency(Duration d) {
        latency = d;
        return this;
    }

    public FaultProfile bandwidth(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        return this;
    }

    public FaultProfile slowDrip(int chunkBytes, Duration pause) {
        dripChunkBytes = chunkBytes;
        dripPause = pause;
        return this;
    }

    public synchronized FaultProfile errorRate(double rate, long seed) {
        errorRate = rate;
        errorRandom = new Random(seed);
        return this;
    }

    public FaultProfile wrongPatient(boolean on) {
        wrongPatient = on;
        return this;
    }

    public FaultProfile otherBirthDate(boolean on) {
        otherBirthDate = on;
        return this;
    }

    public FaultProfile oversized(int paddingBytes) {
        oversizedBytes = paddingBytes;
        return this;
    }

    public FaultProfile registryBusy(int times) {
        registryBusy = times;
        return this;
    }

    public FaultProfile tooManyResultsAbove(int entries) {
        tooManyResultsAbove = entries;
        return this;
    }

    public FaultProfile partialSuccess(boolean on) {
        partialSuccess = on;
        return this;
    }

    public FaultProfile otherPatientEntries(int entries) {
        otherPatientEntries = entries;
        return this;
    }

    public FaultProfile bareHomeCommunityId(boolean on) {
        bareHomeCommunityId = on;
        return this;
    }

    public FaultProfile objectRefsOnly(boolean on) {
        objectRefsOnly = on;
        return this;
    }

    public FaultProfile seriesWithoutRetrieveLocation(boolean on) {
        seriesWithoutRetrieveLocation = on;
        return this;
    }

    public FaultProfile localPatientId(boolean on) {
        localPatientId = on;
        return this;
    }

    public int otherPatientEntries() {
        return otherPatientEntries;
    }

    public boolean bareHomeCommunityId() {
        return bareHomeCommunityId;
    }

    public boolean objectRefsOnly() {
        return objectRefsOnly;
    }

    public boolean seriesWithoutRetrieveLocation() {
        return seriesWithoutRetrieveLocation;
    }

    public boolean localPatientId() {
        return localPatientId;
    }

    public Duration latency() {
        return latency;
    }

    public long bytesPerSecond() {
        return bytesPerSecond;
    }

    public int dripChunkBytes() {
        return dripChunkBytes;
    }

    public Duration dripPause() {
        return dripPause;
    }

    /** Draws whether this request fails. */
    public synchronized boolean drawError() {
        return errorRate > 0 && errorRandom.nextDouble() < errorRate;
    }

    public boolean wrongPatient() {
        return wrongPatient;
    }

    public boolean otherBirthDate() {
        return otherBirthDate;
    }

    public int oversizedBytes() {
        return oversizedBytes;
    }

    /** True (and counts down) when this query must answer XDSRegistryBusy. */
    public synchronized boolean takeRegistryBusy() {
        if (registryBusy == 0) {
            return false;
        }
        if (registryBusy > 0) {
            registryBusy--;
        }
        return true;
    }

    public int tooManyResultsAbove() {
        return tooManyResultsAbove;
    }

    public boolean partialSuccess() {
        return partialSuccess;
    }

    public FaultProfile oversizedRetrieve(int paddingBytes) {
        oversizedRetrieveBytes = paddingBytes;
        return this;
    }

    public int oversizedRetrieveBytes() {
        return oversizedRetrieveBytes;
    }

    public FaultProfile reversedAttachments(boolean on) {
        reversedAttachments = on;
        return this;
    }

    public boolean reversedAttachments() {
        return reversedAttachments;
    }

    /** Image retrieve responses end after this many body bytes; 0 (or less) leaves them whole. */
    public FaultProfile truncateImagesAfter(long bytes) {
        truncateImagesAfter = bytes;
        return this;
    }

    public long truncateImagesAfter() {
        return truncateImagesAfter;
    }

    public FaultProfile wrongPatientImages(boolean on) {
        wrongPatientImages = on;
        return this;
    }

    public boolean wrongPatientImages() {
        return wrongPatientImages;
    }

    /** True when responses must be slowed down. */
    public boolean throttled() {
        return bytesPerSecond > 0 || dripChunkBytes > 0;
    }
}
