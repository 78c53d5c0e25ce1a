package org.confluentcollective.hardware.ipmi;

import org.metricshub.ipmi.core.common.PropertiesManager;

/**
 * ipmi-java's JVM-wide settings. Its properties singleton is unsynchronized and read when
 * connectors and connections are created, so they are set once, by class initialization (which
 * the JVM runs exactly once and publishes to every thread), before the first connector.
 */
final class IpmiLibrary {

    private IpmiLibrary() {
    }

    /** Makes sure the settings are in place; cheap after the first call. */
    static void configure() {
        Settings.touch();
    }

    private static final class Settings {
        static {
            PropertiesManager properties = PropertiesManager.getInstance();
            // The library's retries reuse a stuck session state machine and hide the real error
            // ("Illegal connection state"); we retry session opens ourselves on a new connection.
            properties.setProperty("retries", "0");
            // Only a fallback: every connection gets the target's timeout right after it is created.
            properties.setProperty("timeout", "10000");
        }

        static void touch() {
            // class initialization did the work
        }
    }
}
