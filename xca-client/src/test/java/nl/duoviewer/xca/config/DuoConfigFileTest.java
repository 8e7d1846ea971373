package nl.duoviewer.xca.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuoConfigFileTest {

    static DuoClientConfig sample(Path keystore) {
        CommunityEndpoint founda = new CommunityEndpoint("founda", "Founda Health", "urn:oid:1.2.3.1",
                URI.create("http://127.0.0.1:1/founda/iti38"), URI.create("http://127.0.0.1:1/founda/iti39"),
                URI.create("http://127.0.0.1:1/founda/rad75"), URI.create("http://127.0.0.1:2/founda/wado-rs"),
                Duration.ofSeconds(12));
        CommunityEndpoint alphatron = new CommunityEndpoint("alphatron", "Alphatron TLB", "urn:oid:1.2.3.3",
                URI.create("https://gw.example/iti38"), URI.create("https://gw.example/iti39"),
                URI.create("https://gw.example/rad75"), null, Duration.ofMillis(2500), ConsentMode.TEMPORARY_CONSENT);
        MitzSettings mitz = new MitzSettings(URI.create("https://mitz.example/open"),
                URI.create("https://mitz.example/closed"), false, MitzSettings.DEFAULT_AUDIENCE, "GGC002",
                Duration.ofSeconds(7), Duration.ofSeconds(30), Duration.ofMinutes(3));
        return new DuoClientConfig(ActorPosition.BEHIND_LOCAL_GATEWAY, List.of(founda, alphatron), mitz,
                new RequesterIdentity("90001234", "900012345", "01.015", "COC", "Ziekenhuis = Test: #1", "V4"),
                new KeystoreSettings(keystore, "p@ss:word".toCharArray(), "org"), null,
                List.of("1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.1"), 2, 8, 1000, 2000, 3000);
    }

    @Test
    void writtenFileReadsBackToTheSameConfiguration(@TempDir Path dir) throws Exception {
        DuoClientConfig c = sample(dir.resolve("keys/org.p12"));
        Path file = dir.resolve("duo.properties");
        DuoConfigFile.write(c, file, "test");
        DuoClientConfig back = DuoConfigFile.load(file);
        assertEquals(c.communities(), back.communities());
        assertEquals(c.mitz(), back.mitz());
        assertEquals(c.requester(), back.requester());
        assertEquals(c.keystore().path(), back.keystore().path());
        assertEquals(new String(c.keystore().password()), new String(back.keystore().password()));
        assertEquals(c.transferSyntaxes(), back.transferSyntaxes());
        assertEquals(c.actorPosition(), back.actorPosition());
        assertEquals(c.samlIssuer(), back.samlIssuer());
        assertEquals(List.of(2, 8, 1000L, 2000L, 3000L), List.of(back.queryRetries(), back.maxQuerySplits(),
                back.maxQueryResponseBytes(), back.maxDocumentBytes(), back.maxInstanceBytes()));
    }

    @Test
    void relativeKeystorePathsResolveAgainstTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("duo.properties");
        DuoConfigFile.write(sample(Path.of("keys/org.p12")), file, null);
        assertEquals(dir.resolve("keys/org.p12"), DuoConfigFile.load(file).keystore().path());
    }

    private static ConfigException brokenBy(Path dir, String key, String value) throws Exception {
        Path file = dir.resolve("broken.properties");
        DuoConfigFile.write(sample(dir.resolve("k.p12")), file, null);
        String text = Files.readString(file);
        String replaced = value == null ? text.replaceAll("(?m)^" + java.util.regex.Pattern.quote(key) + "=.*$", "")
                : text.replaceAll("(?m)^" + java.util.regex.Pattern.quote(key) + "=.*$",
                java.util.regex.Matcher.quoteReplacement(key + "=" + value));
        Files.writeString(file, replaced);
        return assertThrows(ConfigException.class, () -> DuoConfigFile.load(file));
    }

    @Test
    void errorsNameTheFileAndTheKey(@TempDir Path dir) throws Exception {
        String[][] cases = {
            {"duo.community.founda.homeCommunityId", "1.2.3"},
            {"duo.community.founda.query", "ftp://x/y"},
            {"duo.community.alphatron.timeout", "soon"},
            {"duo.mitz.askClosedQuestion", "maybe"},
            {"duo.requester.ura", "URA-1"},
            {"duo.actor", "RESPONDING_GATEWAY"},
            {"duo.retrieve.transferSyntaxes", "1.2.840.10008.1.2.1,jpeg"},
            {"duo.query.retries", "99"},
            {"duo.keystore.alias", null},
            {"duo.communities", ""},
            {"duo.community.alphatron.consent", "SOMETIMES"},
            {"duo.mitz.localisationTtl", "0"},
            {"duo.mitz.decisionCacheTtl", "never"},
        };
        for (String[] c : cases) {
            ConfigException e = brokenBy(dir, c[0], c[1]);
            assertTrue(e.getMessage().contains("broken.properties"), e.getMessage());
            assertTrue(e.getMessage().contains(c[0]), c[0] + " -> " + e.getMessage());
        }
    }

    @Test
    void theConsentKeysHaveSafeDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("duo.properties");
        DuoConfigFile.write(sample(dir.resolve("k.p12")), file, null);
        String text = Files.readString(file).replaceAll("(?m)^duo\\.(community\\.alphatron\\.consent|mitz\\."
                + "(localisationTtl|decisionCacheTtl))=.*$", "");
        Files.writeString(file, text);
        DuoClientConfig c = DuoConfigFile.load(file);
        assertEquals(ConsentMode.MITZ, c.community("alphatron").orElseThrow().consent(),
                "a community is under Mitz unless IT says otherwise");
        assertEquals(MitzSettings.DEFAULT_LOCALISATION_TTL, c.mitz().localisationTtl());
        assertEquals(MitzSettings.DEFAULT_DECISION_CACHE_TTL, c.mitz().decisionCacheTtl());
    }

    @Test
    void theLaunchTokenIsConfiguredAsADigestOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("duo.properties");
        DuoConfigFile.write(sample(dir.resolve("k.p12")), file, null);
        assertEquals(false, DuoConfigFile.launchSettings(file).hasToken());
        Files.writeString(file, "duo.launch.tokenSha256=" + LaunchSettings.digestHex("from-IT") + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        LaunchSettings s = DuoConfigFile.launchSettings(file);
        assertTrue(s.accepts("from-IT"));
        assertEquals(false, s.accepts("from-it"));
        assertEquals(false, s.accepts(""));
        DuoConfigFile.load(file); // the network settings accept the file too
        Path bad = dir.resolve("bad.properties");
        DuoConfigFile.write(sample(dir.resolve("k.p12")), bad, null);
        Files.writeString(bad, "duo.launch.tokenSha256=from-IT\n", java.nio.file.StandardOpenOption.APPEND);
        ConfigException e = assertThrows(ConfigException.class, () -> DuoConfigFile.load(bad));
        assertTrue(e.getMessage().contains("duo.launch.tokenSha256") && !e.getMessage().contains("from-IT"),
                e.getMessage());
    }
}
