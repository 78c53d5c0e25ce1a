package org.confluentcollective.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.confluentcollective.hardware.bmc.BmcEndpoint;
import org.confluentcollective.hardware.bmc.BmcException;
import org.junit.jupiter.api.Test;

class BmcEndpointTest {

    @Test
    void parsesTheFormsOfHardwaremanagementManager() throws BmcException {
        assertEquals(new BmcEndpoint("10.0.0.5", 0), BmcEndpoint.parse("10.0.0.5"));
        assertEquals(new BmcEndpoint("n1-bmc", 8443), BmcEndpoint.parse("n1-bmc:8443"));
        assertEquals(new BmcEndpoint("10.0.0.5", 0), BmcEndpoint.parse("10.0.0.5/24"));
        assertEquals(new BmcEndpoint("fd00::5", 0), BmcEndpoint.parse("fd00::5"));
        assertEquals(new BmcEndpoint("fd00::5", 623), BmcEndpoint.parse("[fd00::5]:623"));
        assertEquals(623, BmcEndpoint.parse("bmc").portOr(623));
        assertEquals("[fd00::5]:623", BmcEndpoint.parse("[fd00::5]:623").toString());
    }

    @Test
    void malformedAddressesAreBadSettingsNamingTheValue() {
        for (String bad : new String[] {"", "host:0", "host:99999", "host:abc", "[fd00::5", "a b", "x;rm"}) {
            BmcException e = assertThrows(BmcException.class, () -> BmcEndpoint.parse(bad), bad);
            assertEquals(BmcException.Kind.BAD_SETTINGS, e.kind());
            assertTrue(e.getMessage().contains("\"" + bad + "\""), e.getMessage());
        }
    }
}
