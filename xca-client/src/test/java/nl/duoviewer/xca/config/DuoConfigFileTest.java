package nl.duoviewer.xca.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.duoviewer.xca.identity.IdentitySource;

class DuoConfigFileTest {

    /** A configuration whose files exist under {@code dir} (their content does not matter to the parser). */
    static DuoClientConfig sample(Path dir, Path keystore) throws Exception {
        for (String f : List.of("ca.pem", "mitz.pem", "ca.crl", "uzi-ca.pem", "libcard.so")) {
            Files.writeString(dir.resolve(f), "x");
        }
        Path ks = keystore.isAbsolute() ? keystore : dir.resolve(keystore);
        Files.createDirectories(ks.getParent());
        Files.writeString(ks, "x");
        CommunityEndpoint founda = new CommunityEndpoint("founda", "Founda Health", "urn:oid:1.2.3.1",
                URI.create("https://127.0.0.1:1/founda/iti38"), URI.create("https://127.0.0.1:1/founda/iti39"),
                URI.create("https://127.0.0.1:1/founda/rad75"), URI.create("https://127.0.0.1:2/founda/wado-rs"),
                Duration.ofSeconds(12));
        CommunityEndpoint alphatron = new CommunityEndpoint("alphatron", "Alphatron TLB", "urn:oid:1.2.3.3",
                URI.create("https://gw.example/iti38"), URI.create("https://gw.example/iti39"),
                URI.create("https://gw.example/rad75"), null, Duration.ofMillis(2500), ConsentMode.TEMPORARY_CONSENT);
        MitzSettings mitz = new MitzSettings(URI.create("https://mitz.example/open"),
                URI.create("https://mitz.example/closed"), false, MitzSettings.DEFAULT_AUDIENCE, "GGC002",
                Duration.ofSeconds(7), Duration.ofSeconds(30), Duration.ofMinutes(3));
        return new DuoClientConfig(ActorPosition.BEHIND_LOCAL_GATEWAY, List.of(founda, alphatron), mitz,
                new OrganisationIdentity("90001234", "Ziekenhuis = Test: #1", "V4", "COC"),
                new IdentitySettings(List.of(IdentitySource.UZI_PAS, IdentitySource.EHR_LAUNCH),
                        new Pkcs11Settings(dir.resolve("libcard.so"), 7L, 0), dir.resolve("uzi-ca.pem")),
                KeystoreSettings.pkcs12(keystore, "org", new Secret.FromEnvironment("DUO_KEYSTORE_PASSWORD")),
                new TrustSettings(dir.resolve("ca.pem"), null, TrustSettings.Revocation.CRL,
                        List.of(dir.resolve("ca.crl")), URI.create("https://ocsp.example/"), dir.resolve("mitz.pem"),
                        false),
                null, List.of("1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.1"), 2, 8, 1000, 2000, 3000);
    }

    @Test
    void writtenFileReadsBackToTheSameConfiguration(@TempDir Path dir) throws Exception {
        DuoClientConfig c = sample(dir, dir.resolve("keys/org.p12"));
        Path file = dir.resolve("duo.properties");
        DuoConfigFile.write(c, file, "test");
        DuoClientConfig back = DuoConfigFile.load(file);
        assertEquals(c.communities(), back.communities());
        assertEquals(c.mitz(), back.mitz());
        assertEquals(c.organisation(), back.organisation());
        assertEquals(c.identity(), back.identity());
        assertEquals(c.keystore(), back.keystore());
        assertEquals(c.trust(), back.trust());
        assertEquals(c.transferSyntaxes(), back.transferSyntaxes());
        assertEquals(c.actorPosition(), back.actorPosition());
        assertEquals(c.samlIssuer(), back.samlIssuer());
        assertEquals(List.of(2, 8, 1000L, 2000L, 3000L), List.of(back.queryRetries(), back.maxQuerySplits(),
                back.maxQueryResponseBytes(), back.maxDocumentBytes(), back.maxInstanceBytes()));
        String text = Files.readString(file);
        assertTrue(text.contains("duo.keystore.password=env:DUO_KEYSTORE_PASSWORD"), text);
        assertFalse(text.contains("duo.requester.uzi"), "the user is not in the file: " + text);
    }

    @Test
    void relativePathsResolveAgainstTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("duo.properties");
        DuoConfigFile.write(sample(dir, Path.of("keys/org.p12")), file, null);
        assertEquals(dir.resolve("keys/org.p12"), DuoConfigFile.load(file).keystore().path());
    }

    @Test
    void aHeldPasswordHasNoFileForm(@TempDir Path dir) throws Exception {
        DuoClientConfig c = sample(dir, dir.resolve("org.p12"));
        DuoClientConfig held = c.withKeystore(KeystoreSettings.pkcs12(dir.resolve("org.p12"), "org",
                new Secret.Held("secret".toCharArray())));
        assertThrows(IllegalStateException.class, () -> DuoConfigFile.write(held, dir.resolve("x.properties"),
                null));
    }

    private static ConfigException brokenBy(Path dir, String key, String value) throws Exception {
        Path file = dir.resolve("broken.properties");
        DuoConfigFile.write(sample(dir, dir.resolve("k.p12")), file, null);
        String text = Files.readString(file);
        String line = "(?m)^" + java.util.regex.Pattern.quote(key.replace(":", "\\:")) + "=.*$";
        String replaced;
        if (value == null) {
            replaced = text.replaceAll(line, "");
        } else if (text.lines().anyMatch(l -> l.startsWith(key + "="))) {
            replaced = text.replaceAll(line, java.util.regex.Matcher.quoteReplacement(key + "=" + value));
        } else {
            replaced = text + key + "=" + value + System.lineSeparator();
        }
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
            {"duo.tls.truststore", null},
            {"duo.tls.truststore", "missing.pem"},
            {"duo.tls.revocation", "SOMETIMES"},
            {"duo.identity.sources", "PASSWORD"},
            {"duo.identity.uzipas.library", null},
            {"duo.keystore.password", null},
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
        DuoConfigFile.write(sample(dir, dir.resolve("k.p12")), file, null);
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
        DuoConfigFile.write(sample(dir, dir.resolve("k.p12")), file, null);
        assertEquals(false, DuoConfigFile.launchSettings(file).hasToken());
        Files.writeString(file, "duo.launch.tokenSha256=" + LaunchSettings.digestHex("from-IT") + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        LaunchSettings s = DuoConfigFile.launchSettings(file);
        assertTrue(s.accepts("from-IT"));
        assertEquals(false, s.accepts("from-it"));
        assertEquals(false, s.accepts(""));
        DuoConfigFile.load(file); // the network settings accept the file too
        Path bad = dir.resolve("bad.properties");
        DuoConfigFile.write(sample(dir, dir.resolve("k.p12")), bad, null);
        Files.writeString(bad, "duo.launch.tokenSha256=from-IT\n", java.nio.file.StandardOpenOption.APPEND);
        ConfigException e = assertThrows(ConfigException.class, () -> DuoConfigFile.load(bad));
        assertTrue(e.getMessage().contains("duo.launch.tokenSha256") && !e.getMessage().contains("from-IT"),
                e.getMessage());
    }

    @Test
    void aPasswordWrittenInTheFileIsRefused(@TempDir Path dir) throws Exception {
        for (String plain : List.of("changeit", "p@ss:word", "environment:X", "env:")) {
            ConfigException e = brokenBy(dir, "duo.keystore.password", plain);
            assertTrue(e.getMessage().contains("duo.keystore.password"), e.getMessage());
            assertFalse(e.getMessage().contains(plain) && plain.length() > 4, "the message repeats no secret");
        }
        ConfigException store = brokenBy(dir, "duo.tls.truststore.password", "changeit");
        assertTrue(store.getMessage().contains("duo.tls.truststore.password"), store.getMessage());
    }

    @Test
    void plainHttpToAnotherComputerIsAConfigurationError(@TempDir Path dir) throws Exception {
        ConfigException e = brokenBy(dir, "duo.community.alphatron.query", "http://gw.example/iti38");
        assertTrue(e.getMessage().contains("duo.community.alphatron.query"), e.getMessage());
        assertTrue(e.getMessage().contains("http"), e.getMessage());
        ConfigException mitz = brokenBy(dir, "duo.mitz.open", "http://mitz.example/open");
        assertTrue(mitz.getMessage().contains("duo.mitz.open"), mitz.getMessage());
        // even the loopback needs the explicit switch
        ConfigException loopback = brokenBy(dir, "duo.community.founda.query", "http://127.0.0.1:1/founda/iti38");
        assertTrue(loopback.getMessage().contains("duo.tls.allowLoopbackHttp"), loopback.getMessage());
    }

    @Test
    void loopbackHttpOnlyWithTheExplicitSwitch(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("local.properties");
        DuoConfigFile.write(sample(dir, dir.resolve("k.p12")), file, null);
        String text = Files.readString(file)
                .replace("duo.community.founda.query=https://127.0.0.1:1", "duo.community.founda.query=http://127.0.0.1:1")
                .replace("duo.tls.allowLoopbackHttp=false", "duo.tls.allowLoopbackHttp=true");
        Files.writeString(file, text);
        assertEquals("http", DuoConfigFile.load(file).communities().getFirst().queryEndpoint().getScheme());
        Files.writeString(file, text.replace("duo.community.alphatron.query=https://gw.example",
                "duo.community.alphatron.query=http://gw.example"));
        ConfigException e = assertThrows(ConfigException.class, () -> DuoConfigFile.load(file));
        assertTrue(e.getMessage().contains("duo.community.alphatron.query"), e.getMessage());
    }

    @Test
    void theUserIsNeverReadFromTheFile(@TempDir Path dir) throws Exception {
        ConfigException uzi = brokenBy(dir, "duo.requester.uzi", "900012345");
        assertTrue(uzi.getMessage().contains("duo.requester.uzi"), uzi.getMessage());
        assertTrue(uzi.getMessage().contains("UZI-pas"), uzi.getMessage());
        ConfigException role = brokenBy(dir, "duo.requester.role", "01.015");
        assertTrue(role.getMessage().contains("duo.requester.role"), role.getMessage());
    }

    @Test
    void theDemoUserOnlyServesANetworkOnThisComputer(@TempDir Path dir) throws Exception {
        ConfigException e = brokenBy(dir, "duo.identity.sources", "DEMO");
        assertTrue(e.getMessage().contains("duo.identity.sources"), e.getMessage());
        assertTrue(e.getMessage().contains("gw.example") || e.getMessage().contains("mitz.example"), e.getMessage());
    }

    @Test
    void loopbackNames() {
        assertTrue(DuoConfigFile.isLoopback(URI.create("https://127.0.0.1:8/x")));
        assertTrue(DuoConfigFile.isLoopback(URI.create("https://localhost/x")));
        assertTrue(DuoConfigFile.isLoopback(URI.create("https://[::1]:9/x")));
        assertFalse(DuoConfigFile.isLoopback(URI.create("https://127.0.0.1.example/x")));
        assertFalse(DuoConfigFile.isLoopback(URI.create("https://10.0.0.1/x")));
    }
}
