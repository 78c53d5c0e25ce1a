package org.confluentcollective.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.confluentcollective.hardware.HardwareSettings;

/**
 * The daemon's configuration as properties: the embedded defaults, then the config file, then
 * {@code -Dconfluent.<key>=} system properties, each overriding the one before.
 */
final class DaemonProperties {

    static final String DEFAULTS_RESOURCE = "/confluentd-defaults.properties";
    static final String SYSTEM_PREFIX = "confluent.";

    private DaemonProperties() {
    }

    static Properties load(Optional<Path> configFile, Properties system) {
        Properties merged = new Properties();
        try (InputStream defaults = DaemonProperties.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (defaults == null) {
                throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the classpath");
            }
            merged.load(defaults);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (configFile.isPresent()) {
            try (Reader file = Files.newBufferedReader(configFile.get(), StandardCharsets.UTF_8)) {
                merged.load(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the configuration " + configFile.get(), e);
            }
        }
        for (String name : system.stringPropertyNames()) {
            if (name.startsWith(SYSTEM_PREFIX)) {
                merged.setProperty(name.substring(SYSTEM_PREFIX.length()), system.getProperty(name));
            }
        }
        return merged;
    }

    static DaemonConfig toConfig(Properties properties) {
        String memberName = properties.getProperty("member.name", "").trim();
        return new DaemonConfig(
                Path.of(required(properties, "state.dir")),
                memberName.isEmpty() ? hostName() : memberName,
                required(properties, "api.https.address"),
                port(properties, "api.https.port"),
                Path.of(required(properties, "api.socket")),
                required(properties, "zookeeper.address"),
                port(properties, "zookeeper.client.port"),
                port(properties, "zookeeper.quorum.port"),
                port(properties, "zookeeper.election.port"),
                port(properties, "member.port"),
                number(properties, "collective.max.voters"),
                number(properties, "collective.failover.batch"),
                new HardwareSettings(Duration.ofSeconds(number(properties, "hardware.exchange.timeout")),
                        Duration.ofSeconds(number(properties, "hardware.node.timeout")),
                        number(properties, "hardware.parallelism")),
                new DeploySettings(Path.of(required(properties, "deploy.root")),
                        Path.of(required(properties, "deploy.ipxe.dir")),
                        required(properties, "deploy.http.address"),
                        port(properties, "deploy.http.port"),
                        flag(properties, "dhcp.enabled"),
                        port(properties, "dhcp.port"),
                        names(properties, "dhcp.interfaces"),
                        port(properties, "dhcp.proxy.port"),
                        required(properties, "dhcp.arm64.bootfile"),
                        flag(properties, "tftp.enabled"),
                        required(properties, "tftp.address"),
                        port(properties, "tftp.port")));
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key, "").trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("configuration key " + key + " has no value");
        }
        return value;
    }

    private static boolean flag(Properties properties, String key) {
        String value = required(properties, key);
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("configuration key " + key + " must be true or false, not " + value);
        }
        return Boolean.parseBoolean(value);
    }

    /** A comma-separated list, possibly empty. */
    private static Set<String> names(Properties properties, String key) {
        return Arrays.stream(properties.getProperty(key, "").split(",")).map(String::strip)
                .filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private static int number(Properties properties, String key) {
        String value = required(properties, key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("configuration key " + key + " is not a number: " + value);
        }
    }

    private static int port(Properties properties, String key) {
        String value = required(properties, key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("configuration key " + key + " is not a port number: " + value);
        }
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            int dot = name.indexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("cannot tell this host's name; set member.name in the configuration", e);
        }
    }
}
