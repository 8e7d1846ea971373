package nl.duoviewer.app.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.core.patient.Bsn;

class InstanceChannelTest {

    @Test
    void aSecondStartHandsItsPatientToTheRunningViewer(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("run/instance.sock");
        LinkedBlockingQueue<AppOptions> received = new LinkedBlockingQueue<>();
        try (InstanceChannel _ = InstanceChannel.claim(socket, received::add).orElseThrow()) {
            assertEquals("rwx------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(socket.getParent())), "only the user can reach the viewer");
            assertTrue(InstanceChannel.claim(socket, o -> { }).isEmpty(), "a second viewer does not take over");

            var result = InstanceChannel.deliver(socket, List.of("duoviewer://open?bsn=999998456&study=1.2.3"));
            assertEquals(InstanceChannel.Delivery.DELIVERED, result.delivery());
            LaunchContext launch = received.poll(5, TimeUnit.SECONDS).launch().orElseThrow();
            assertEquals(Bsn.parse("999998456"), launch.patient());
            assertEquals(LaunchSource.URL_SCHEME, launch.source());
            assertEquals("1.2.3", launch.focusStudyUid());
        }
        assertTrue(Files.notExists(socket), "the socket goes with the viewer");
    }

    @Test
    void invalidArgumentsAreRefusedWithTheReasonAndReachNothing(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("instance.sock");
        LinkedBlockingQueue<AppOptions> received = new LinkedBlockingQueue<>();
        try (InstanceChannel _ = InstanceChannel.claim(socket, received::add).orElseThrow()) {
            var result = InstanceChannel.deliver(socket, List.of("--bsn", "123456789"));
            assertEquals(InstanceChannel.Delivery.REFUSED, result.delivery());
            assertTrue(result.message().contains("11-check failed"), result.message());
            var tooMuch = InstanceChannel.deliver(socket, java.util.Collections.nCopies(40, "--bsn"));
            assertEquals(InstanceChannel.Delivery.REFUSED, tooMuch.delivery());
            assertTrue(received.isEmpty());
        }
    }

    @Test
    void withoutARunningViewerTheStartProceeds(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("instance.sock");
        assertEquals(InstanceChannel.Delivery.NO_VIEWER,
                InstanceChannel.deliver(socket, List.of("--bsn", "999999011")).delivery());
        Files.writeString(socket, "left behind by a crash");
        assertEquals(InstanceChannel.Delivery.NO_VIEWER,
                InstanceChannel.deliver(socket, List.of("--bsn", "999999011")).delivery());
        try (InstanceChannel _ = InstanceChannel.claim(socket, o -> { }).orElseThrow()) {
            assertEquals(InstanceChannel.Delivery.DELIVERED,
                    InstanceChannel.deliver(socket, List.of("--bsn", "999999011")).delivery());
        }
    }
}
