package org.confluentcollective.server.attributes;

import static org.confluentcollective.server.attributes.AttributeDefinition.oneOf;
import static org.confluentcollective.server.attributes.AttributeDefinition.text;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.confluentcollective.server.attributes.AttributeDefinition.Rule;

/** The known node attributes, their aliases and validation rules (shared/spec/attributes.md). */
public final class AttributeCatalog {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Names must read as a dotted Python expression, so no component may be a keyword. */
    private static final Set<String> PYTHON_KEYWORDS = Set.of(
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
            "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
            "return", "try", "while", "with", "yield");

    private static final Map<String, String> ALIASES = Map.of(
            "bmc", "hardwaremanagement.manager",
            "bmcuser", "secret.hardwaremanagementuser",
            "switchuser", "secret.hardwaremanagementuser",
            "bmcpass", "secret.hardwaremanagementpassword",
            "switchpass", "secret.hardwaremanagementpassword");

    private static final String HM_PREFIX = "hm.";
    private static final Set<String> TRUE_WORDS = Set.of("true", "1", "y", "yes", "enable", "enabled");
    private static final Set<String> FALSE_WORDS = Set.of("false", "0", "n", "no", "disable", "disabled");

    private final Map<String, AttributeDefinition> definitions;
    private final SortedSet<String> names;

    public AttributeCatalog(Collection<AttributeDefinition> definitions) {
        Map<String, AttributeDefinition> byName = new TreeMap<>();
        for (AttributeDefinition definition : definitions) {
            byName.put(definition.name(), definition);
        }
        this.definitions = Collections.unmodifiableMap(byName);
        this.names = Collections.unmodifiableSortedSet(new TreeSet<>(byName.keySet()));
    }

    /** The catalog of shared/spec/attributes.md section 6. */
    public static AttributeCatalog standard() {
        return new AttributeCatalog(StandardAttributes.all());
    }

    /** Catalog name, anything under custom., or net.X...leaf / power.X...leaf with a known leaf. */
    public boolean isValidName(String name) {
        return isDottedIdentifier(name) && canonicalName(name).isPresent();
    }

    /**
     * The catalog name a valid attribute name is checked against: itself for a catalog or
     * {@code custom.} name, {@code net.hwaddr} for {@code net.eth0.hwaddr}; empty for an invalid name.
     */
    public Optional<String> canonicalName(String name) {
        if (!isDottedIdentifier(name)) {
            return Optional.empty();
        }
        if (definitions.containsKey(name)) {
            return Optional.of(name);
        }
        String[] parts = name.split("\\.");
        if (parts[0].equals("custom") && parts.length >= 2) {
            return Optional.of(name);
        }
        if ((parts[0].equals("net") || parts[0].equals("power")) && parts.length >= 3) {
            String shortName = parts[0] + "." + parts[parts.length - 1];
            return definitions.containsKey(shortName) ? Optional.of(shortName) : Optional.empty();
        }
        return Optional.empty();
    }

    /** bmc, bmcuser, bmcpass, switchuser, switchpass and the hm. prefix resolved; other names unchanged. */
    public String resolveAlias(String name) {
        String target = ALIASES.get(name);
        if (target != null) {
            return target;
        }
        if (name.startsWith(HM_PREFIX)) {
            return "hardwaremanagement." + name.substring(HM_PREFIX.length());
        }
        return name;
    }

    /** True for the names {@link #resolveAlias} changes. */
    public boolean isAlias(String name) {
        return !resolveAlias(name).equals(name);
    }

    /** secret.* and custom.nodesecret.*: stored encrypted, shown only as set/unset. */
    public boolean isSecret(String name) {
        String resolved = resolveAlias(name);
        return resolved.startsWith("secret.") || resolved.startsWith("custom.nodesecret.");
    }

    /** crypted.*: stored as one-way hashes. */
    public boolean isCrypted(String name) {
        return resolveAlias(name).startsWith("crypted.");
    }

    /** Every exact catalog name (what attributes/all lists). */
    public SortedSet<String> names() {
        return names;
    }

    /**
     * The catalog names nearest to an unknown {@code name}, for a "did you mean" (at most 3, at the
     * smallest edit distance, which must be at most a third of the name's length and at most 3);
     * often none.
     */
    public List<String> closestNames(String name) {
        int limit = Math.max(1, Math.min(3, name.length() / 3));
        int best = limit + 1;
        List<String> nearest = new java.util.ArrayList<>();
        for (String candidate : names) {
            int distance = editDistance(name, candidate);
            if (distance < best) {
                best = distance;
                nearest.clear();
            }
            if (distance == best && nearest.size() < 3) {
                nearest.add(candidate);
            }
        }
        return List.copyOf(nearest);
    }

    /** Optimal string alignment distance: Levenshtein's, a swap of neighbours counting one. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** The catalog entry a valid name is checked against (see {@link #canonicalName}). */
    public Optional<AttributeDefinition> definition(String name) {
        return canonicalName(resolveAlias(name)).map(definitions::get);
    }

    public Optional<String> description(String name) {
        String resolved = resolveAlias(name);
        Optional<AttributeDefinition> definition = definition(resolved);
        if (definition.isPresent()) {
            return Optional.of(definition.get().description());
        }
        return canonicalName(resolved).map(custom -> "Free-form attribute, not checked");
    }

    /**
     * Checks a value against the attribute's allowed values ({@code validvalues}, {@code validlist},
     * {@code validlistkeys}).
     *
     * @return a message naming the problem, or empty when the value is allowed
     */
    public Optional<String> checkValue(String name, String value) {
        String resolved = resolveAlias(name);
        if (canonicalName(resolved).isEmpty()) {
            return Optional.of(name + " attribute is invalid");
        }
        AttributeDefinition definition = definitions.get(canonicalName(resolved).get());
        if (definition == null) {
            return Optional.empty();   // custom.*
        }
        return switch (definition.rule()) {
            case ANY -> Optional.empty();
            case BOOLEAN -> isBoolean(value) ? Optional.empty() : Optional.of(problem(
                    resolved, value, "use one of true, false, yes, no, 1, 0, enable, disable"));
            case ONE_OF -> matchesAny(definition.allowed(), value) ? Optional.empty() : Optional.of(
                    problem(resolved, value, "use one of " + describe(definition.allowed())));
            case LIST_OF -> checkItems(definition, resolved, value, false);
            case KEYS_OF -> checkItems(definition, resolved, value, true);
        };
    }

    /** The yes/no reading of a boolean attribute such as {@code net.bootable}: anything else is no. */
    public static boolean isTrue(String value) {
        return value != null && TRUE_WORDS.contains(value.trim().toLowerCase(Locale.ROOT));
    }

    private static boolean isBoolean(String value) {
        String word = value.trim().toLowerCase(Locale.ROOT);
        return TRUE_WORDS.contains(word) || FALSE_WORDS.contains(word);
    }

    private static Optional<String> checkItems(AttributeDefinition definition, String name,
                                               String value, boolean keys) {
        for (String item : value.split(",", -1)) {
            String word = item.trim();
            if (keys) {
                int equals = word.indexOf('=');
                if (equals < 0) {
                    return Optional.of(problem(name, value, "'" + word + "' is not of the form key=value"));
                }
                word = word.substring(0, equals).trim();
            }
            if (!definition.allowed().contains(word)) {
                return Optional.of(problem(name, value, "'" + word + "' is not one of "
                        + describe(definition.allowed())));
            }
        }
        return Optional.empty();
    }

    private static boolean matchesAny(List<String> patterns, String value) {
        for (String pattern : patterns) {
            if (Glob.compile(pattern).matches(value)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(List<String> allowed) {
        StringBuilder out = new StringBuilder();
        for (String word : allowed) {
            out.append(out.length() == 0 ? "" : ", ").append(word.isEmpty() ? "'' (empty)" : word);
        }
        return out.toString();
    }

    private static String problem(String name, String value, String hint) {
        return "'" + value + "' is not a valid value for " + name + "; " + hint;
    }

    private static boolean isDottedIdentifier(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (String part : name.split("\\.", -1)) {
            if (!IDENTIFIER.matcher(part).matches() || PYTHON_KEYWORDS.contains(part)) {
                return false;
            }
        }
        return true;
    }

    /** The rows of attributes.md section 6, kept apart so the catalog logic stays readable. */
    private static final class StandardAttributes {

        static List<AttributeDefinition> all() {
            return List.of(
                    text("groups", "Ordered list of the static groups the node belongs to"),
                    oneOf("type", "Kind of node", "switch", "server", "rackmount", "dense", "enclosure", ""),
                    text("trusted.subnets", "Remote CIDRs treated like local networks"),
                    text("info.note", "Free text for humans"),
                    text("ssh.trustnodes", "Noderange allowed to ssh into the node when the SSH CA is used "
                            + "(default: all nodes)"),

                    text("collective.manager", "Collective member that runs consoles and hardware "
                            + "operations for the node"),
                    text("collective.managercandidates", "Noderange of members allowed to manage, take "
                            + "over or deploy the node; unset: all may deploy, no failover"),

                    text("deployment.pendingprofile", "OS profile to offer at the next network boot"),
                    text("deployment.stagedprofile", "Profile staged, awaiting its final boot"),
                    text("deployment.profile", "Profile that last reported completion"),
                    text("deployment.state", "Deployment status pushed by the installer"),
                    text("deployment.state_detail", "Details of the deployment status"),
                    text("deployment.state_last_updated", "ISO timestamp of the last status report"),
                    text("deployment.client_ip", "Address of the last status report"),
                    oneOf("deployment.apiarmed", "Whether the node may obtain an API key: once, continuous, "
                                    + "or an expiry time",
                            "once", "continuous", "", "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*"),
                    text("deployment.sealedapikey", "TPM-sealed API key handed out when not armed"),
                    oneOf("deployment.lock", "Blocks pending deployments", "autolock", "locked", "unlocked"),
                    oneOf("deployment.encryptboot", "Disk encryption strategy", "tpm2", "tpm2:*", "none", ""),
                    text("deployment.storage", "Install target disk or class such as m2 (default: automatic)"),
                    oneOf("deployment.useinsecureprotocols", "Boot phases that may use TFTP or plain HTTP; "
                            + "never refuses every network boot this collective serves (unset: allowed)", "always", "firmware", "never"),

                    text("net.hwaddr", "MAC address of the interface (filled by PXE discovery)"),
                    new AttributeDefinition("net.bootable", "Store the PXE MAC address here on discovery",
                            Rule.BOOLEAN, List.of()),
                    text("net.ipv4_address", "Static IPv4 address, optional /prefix (default: resolve the "
                            + "node name)"),
                    text("net.ipv6_address", "Static IPv6 address, optional /prefix (default: resolve the "
                            + "node name)"),
                    oneOf("net.ipv4_method", "IPv4 addressing",
                            "dhcp", "static", "firmwaredhcp", "firmwarenone", "none"),
                    oneOf("net.ipv6_method", "IPv6 addressing",
                            "dhcp", "static", "firmwaredhcp", "firmwarenone", "none"),
                    text("net.ipv4_gateway", "IPv4 default gateway"),
                    text("net.ipv6_gateway", "IPv6 default gateway"),
                    text("net.hostname", "Names of the interface; commas separate aliases"),
                    text("net.switch", "Switch the interface is cabled to"),
                    text("net.switchport", "Switch port the interface is cabled to"),
                    text("net.interface_names", "OS interface names to match; a list makes bond members"),
                    text("net.connection_name", "Name of the connection or bond"),
                    oneOf("net.team_mode", "Bond mode", "lacp", "loadbalance", "roundrobin", "activebackup", "none"),
                    text("net.vlan_id", "VLAN or InfiniBand PKEY"),
                    text("net.mtu", "MTU of the interface"),
                    text("net.extra_settings", "k=v;k=v settings passed to nmcli, netplan or ifcfg"),

                    text("hardwaremanagement.manager", "BMC address, optional /prefix"),
                    text("hardwaremanagement.manager_tls_name", "Name used to verify the BMC certificate"),
                    oneOf("hardwaremanagement.method", "Plugin for power, sensors and other hardware "
                                    + "operations; must be set",
                            "affluent", "cnos", "cooltera", "deltapdu", "eatonpdu", "enclosure", "enlogic",
                            "enos", "geist", "ipmi", "null", "nxos", "pdu", "proxmox", "raritan", "redfish",
                            "srlinux", "vcenter"),
                    text("hardwaremanagement.port", "BMC port to use during deployment (ocp, ml2, lom, dedicated)"),
                    text("hardwaremanagement.vlan", "BMC VLAN tag during deployment"),
                    text("enclosure.manager", "Chassis manager node"),
                    text("enclosure.bay", "Bay of the node in its chassis"),
                    text("enclosure.extends", "Next manager toward the uplink in chained enclosures"),
                    text("power.pdu", "PDU feeding a power input (power.<input>.pdu)"),
                    text("power.outlet", "PDU outlet feeding a power input (power.<input>.outlet)"),
                    oneOf("snmp.privacyprotocol", "SNMPv3 privacy protocol (default des)", "aes", "des"),

                    oneOf("console.method", "Console access; unset means no console",
                            "ssh", "ipmi", "openbmc", "tsmsol", "vcenter", "proxmox"),
                    oneOf("console.logging", "Console log level (default full)",
                            "full", "memory", "interactive", "none"),

                    text("secret.hardwaremanagementuser", "BMC or switch user name"),
                    text("secret.hardwaremanagementpassword", "BMC or switch password"),
                    text("secret.ipmikg", "Optional IPMI integrity key"),
                    text("secret.snmpcommunity", "SNMPv1/v2 community"),
                    text("secret.selfapiarmtoken", "One-time secret a node uses to register its API key"),
                    text("crypted.rootpassword", "Root password hash for the deployed OS (unset: key-only root)"),
                    text("crypted.grubpassword", "GRUB edit password"),
                    text("crypted.selfapikey", "Hash of the node's API key"),

                    new AttributeDefinition("discovery.policy", "When detected devices are configured "
                            + "automatically (comma list)", Rule.LIST_OF,
                            List.of("manual", "permissive", "pxe", "open", "verified")),
                    new AttributeDefinition("discovery.passwordrules", "BMC password rules applied on "
                            + "discovery (k=v,...)", Rule.KEYS_OF,
                            List.of("expiration", "loginfailures", "complexity", "reuse")),
                    text("discovery.nodeconfig", "nodeconfig arguments applied after discovery"),

                    text("id.index", "Server-assigned node number"),
                    text("id.uuid", "DMI UUID (filled by discovery)"),
                    text("id.serial", "Serial number (filled by discovery)"),
                    text("id.model", "Model (filled by discovery)"),
                    text("location.room", "Room of the node"),
                    text("location.row", "Row of the node"),
                    text("location.rack", "Rack of the node"),
                    text("location.u", "Lowest U position of the node in its rack"),
                    text("location.height", "Height in U (default: ask the system)"),
                    text("pubkeys.tls_hardwaremanager", "Pinned BMC TLS fingerprint"),
                    text("pubkeys.tls", "Pinned OS TLS fingerprint"),
                    text("pubkeys.ssh", "Pinned SSH fingerprint"),
                    oneOf("pubkeys.addpolicy", "Policy for unknown keys (default tofu)",
                            "tofu", "manual", "ca", "ca-only"),
                    text("pubkeys.tls_lifetime", "Days of validity for certificates issued to the node or "
                            + "BMC (default 47)"),
                    text("dns.domain", "DNS search domain of the node"),
                    text("dns.servers", "DNS servers of the node"),
                    text("ntp.servers", "NTP servers given at deployment"));
        }
    }
}
