package org.confluentcollective.server.attributes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttributeCatalogTest {

    private final AttributeCatalog catalog = AttributeCatalog.standard();

    @Test
    void validNames() {
        for (String name : new String[] {"groups", "type", "location.rack", "console.method", "net.hwaddr",
                "net.eth0.hwaddr", "net.mgt.a.ipv4_address", "power.psu1.outlet", "custom.anything",
                "custom.a.b.c", "secret.ipmikg", "crypted.rootpassword", "custom.nodesecret.key"}) {
            assertTrue(catalog.isValidName(name), name);
        }
        for (String name : new String[] {"", "foo", "foo.bar", "location", "net.foo", "net.eth0.foo", "power.x",
                "power.psu1.switch", "custom", "custom.class", "net.2.hwaddr", "custom.a-b", "Location.rack",
                "custom..a", "custom.a.", "bmc", "N1"}) {
            assertFalse(catalog.isValidName(name), name);
        }
        assertEquals(Optional.of("net.hwaddr"), catalog.canonicalName("net.eth0.hwaddr"));
        assertEquals(Optional.of("power.outlet"), catalog.canonicalName("power.a.b.outlet"));
    }

    @Test
    void closestNamesAreTheCatalogNamesATypingMistakeAway() {
        assertEquals(java.util.List.of("location.rack"), catalog.closestNames("location.rak"));
        assertEquals(java.util.List.of("location.rack"), catalog.closestNames("lcoation.rack"));
        assertEquals(java.util.List.of(), catalog.closestNames("foo.bar"));
        assertEquals(java.util.List.of(), catalog.closestNames("location.rack.unit.x"));
    }

    @Test
    void aliases() {
        assertEquals("hardwaremanagement.manager", catalog.resolveAlias("bmc"));
        assertEquals("secret.hardwaremanagementuser", catalog.resolveAlias("bmcuser"));
        assertEquals("secret.hardwaremanagementuser", catalog.resolveAlias("switchuser"));
        assertEquals("secret.hardwaremanagementpassword", catalog.resolveAlias("bmcpass"));
        assertEquals("secret.hardwaremanagementpassword", catalog.resolveAlias("switchpass"));
        assertEquals("hardwaremanagement.method", catalog.resolveAlias("hm.method"));
        assertEquals("location.rack", catalog.resolveAlias("location.rack"));
        assertTrue(catalog.isAlias("bmc"));
        assertFalse(catalog.isAlias("hardwaremanagement.manager"));
    }

    @Test
    void secretsAndHashes() {
        assertTrue(catalog.isSecret("secret.hardwaremanagementpassword"));
        assertTrue(catalog.isSecret("custom.nodesecret.token"));
        assertTrue(catalog.isSecret("bmcpass"));
        assertFalse(catalog.isSecret("custom.token"));
        assertTrue(catalog.isCrypted("crypted.grubpassword"));
        assertFalse(catalog.isCrypted("secret.ipmikg"));
    }

    @Test
    void namesAndDescriptions() {
        assertTrue(catalog.names().contains("console.logging"));
        assertTrue(catalog.names().contains("net.bootable"));
        assertTrue(catalog.names().contains("crypted.selfapikey"));
        assertFalse(catalog.names().contains("bmc"));
        assertEquals(78, catalog.names().size());
        assertTrue(catalog.description("net.eth0.hwaddr").orElseThrow().contains("MAC"));
        assertTrue(catalog.description("bmc").orElseThrow().contains("BMC"));
        assertTrue(catalog.description("custom.x").isPresent());
        assertEquals(Optional.empty(), catalog.description("foo"));
    }

    @Test
    void values() {
        assertEquals(Optional.empty(), catalog.checkValue("console.method", "ipmi"));
        assertTrue(catalog.checkValue("console.method", "telnet").orElseThrow().contains("ssh, ipmi"));
        assertTrue(catalog.checkValue("console.method", "").isPresent());
        assertEquals(Optional.empty(), catalog.checkValue("type", ""));
        assertTrue(catalog.checkValue("type", "laptop").isPresent());
        assertEquals(Optional.empty(), catalog.checkValue("deployment.encryptboot", "tpm2:pcr7"));
        assertTrue(catalog.checkValue("deployment.encryptboot", "luks").isPresent());
        assertEquals(Optional.empty(), catalog.checkValue("deployment.apiarmed", "2026-01-31T10:00"));
        assertEquals(Optional.empty(), catalog.checkValue("deployment.apiarmed", "once"));
        assertTrue(catalog.checkValue("deployment.apiarmed", "twice").isPresent());
        assertEquals(Optional.empty(), catalog.checkValue("net.eth0.bootable", "Yes"));
        assertEquals(Optional.empty(), catalog.checkValue("net.bootable", "0"));
        assertTrue(catalog.checkValue("net.mgt.bootable", "maybe").isPresent());
        assertEquals(Optional.empty(), catalog.checkValue("net.mgt.ipv4_method", "static"));
        assertTrue(catalog.checkValue("net.mgt.ipv4_method", "bootp").isPresent());
        assertEquals(Optional.empty(), catalog.checkValue("discovery.policy", "pxe,permissive"));
        assertTrue(catalog.checkValue("discovery.policy", "pxe,sometimes").orElseThrow().contains("'sometimes'"));
        assertEquals(Optional.empty(), catalog.checkValue("discovery.passwordrules", "expiration=no,reuse=0"));
        assertTrue(catalog.checkValue("discovery.passwordrules", "expiration").isPresent());
        assertTrue(catalog.checkValue("discovery.passwordrules", "colour=red").isPresent());
        assertEquals(Optional.empty(), catalog.checkValue("hm.method", "redfish"));
        assertEquals(Optional.empty(), catalog.checkValue("custom.anything", "{whatever}"));
        assertEquals(Optional.empty(), catalog.checkValue("location.rack", "anything"));
        assertTrue(catalog.checkValue("foo.bar", "x").orElseThrow().contains("invalid"));
        assertTrue(AttributeCatalog.isTrue("Enabled"));
        assertFalse(AttributeCatalog.isTrue("off"));
    }

    @Test
    void globs() {
        assertTrue(Glob.compile("net.*switch").matches("net.mgt.switch"));
        assertTrue(Glob.compile("net.*switch").matches("net.a.b.switch"));
        assertFalse(Glob.compile("net.*switch").matches("net.mgt.switchport"));
        assertTrue(Glob.compile("location.ro?").matches("location.row"));
        assertTrue(Glob.compile("n[0-9]").matches("n5"));
        assertFalse(Glob.compile("n[!0-9]").matches("n5"));
        assertTrue(Glob.compile("a.b").matches("a.b"));
        assertFalse(Glob.compile("a.b").matches("axb"));
        assertTrue(Glob.compile("[x").matches("[x"));
    }
}
