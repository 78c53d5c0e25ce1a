package org.confluentcollective.server.deploy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.confluentcollective.server.api.AttributeInput;
import org.confluentcollective.server.api.AttributeSelection;
import org.confluentcollective.server.api.AttributeView;
import org.confluentcollective.server.api.DeploymentProfiles;
import org.confluentcollective.server.api.DeploymentStatus;
import org.confluentcollective.server.api.NodeDatabase;
import org.confluentcollective.server.api.NodeDeployment;
import org.confluentcollective.server.api.RequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link NodeDeployment} over the database. The node's key is 32 random bytes; only its SHA-512
 * crypt hash is stored ({@code crypted.selfapikey}, hashed by the database), so neither the
 * database nor another member can hand it out again. Arming is per node and, but for
 * {@code continuous}, used up by the first key handed out.
 */
public final class NodeDeployer implements NodeDeployment {

    private static final Logger LOG = LoggerFactory.getLogger(NodeDeployer.class);

    static final String PENDING = "deployment.pendingprofile";
    static final String STAGED = "deployment.stagedprofile";
    static final String PROFILE = "deployment.profile";
    static final String ARMED = "deployment.apiarmed";
    static final String STATE = "deployment.state";
    static final String DETAIL = "deployment.state_detail";
    static final String UPDATED = "deployment.state_last_updated";
    static final String CLIENT = "deployment.client_ip";
    static final String LOCK = "deployment.lock";
    static final String KEY = "crypted.selfapikey";
    static final String BMC = "hardwaremanagement.manager";
    private static final List<String> STATUS = List.of(PENDING, STAGED, PROFILE, ARMED, STATE, DETAIL, UPDATED, BMC);
    private static final List<String> LOCKS = List.of("autolock", "locked", "unlocked");
    private static final AttributeSelection NETWORK = new AttributeSelection(false,
            List.of("net.*ipv4_address", "net.*ipv4_method", "net.*ipv4_gateway"));
    private static final AttributeSelection ADDRESSES = new AttributeSelection(false, List.of("net.*ipv4_address"));
    /** A report's free text; longer is refused rather than cut. */
    static final int MAX_STATE_CHARS = 1024;
    /** Reads and conditional writes of one status report before it is refused as contended. */
    private static final int STATUS_ATTEMPTS = 5;
    private static final String REFUSED = "not allowed: the node is unknown, not armed for a key "
            + "(nodedeploy arms it), or asks from an address that is not its own";

    private final NodeDatabase nodes;
    private final DeploymentProfiles profiles;
    private final Clock clock;
    private final SecureRandom random;

    public NodeDeployer(NodeDatabase nodes, DeploymentProfiles profiles, Clock clock, SecureRandom random) {
        this.nodes = nodes;
        this.profiles = profiles;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Map<String, DeploymentStatus> status(List<String> names) {
        Map<String, DeploymentStatus> status = new LinkedHashMap<>();
        for (String node : names) {
            Map<String, String> values = nodes.values(node, STATUS);
            status.put(node, new DeploymentStatus(values.get(PENDING), values.get(STAGED), values.get(PROFILE), values.get(ARMED),
                    values.get(STATE), values.get(DETAIL), values.get(UPDATED), values.containsKey(BMC)));
        }
        return status;
    }

    @Override
    public void arm(List<String> names, String profile) {
        requireProfile(profile);
        refuseLocked(names);
        armChecked(names, profile);
    }

    @Override
    public Map<String, String> redeploy(List<String> names) {
        refuseLocked(names);
        Map<String, String> profileByNode = new LinkedHashMap<>();
        for (String node : names) {
            Map<String, String> values = nodes.values(node, List.of(PENDING, STAGED, PROFILE));
            // An empty value (attr= on the command line) is no profile.
            Stream.of(PENDING, STAGED, PROFILE).map(values::get).filter(profile -> profile != null && !profile.isEmpty())
                    .findFirst().ifPresent(profile -> profileByNode.put(node, profile));
        }
        Map<String, List<String>> nodesByProfile = new LinkedHashMap<>();
        profileByNode.forEach((node, profile) -> nodesByProfile.computeIfAbsent(profile, p -> new ArrayList<>()).add(node));
        nodesByProfile.keySet().forEach(this::requireProfile);
        nodesByProfile.forEach((profile, group) -> armChecked(group, profile));
        return profileByNode;
    }

    private void requireProfile(String profile) {
        if (profiles.find(profile).isEmpty()) {
            throw RequestException.notFound("no deployment profile " + profile + " on this member (osdeploy list)");
        }
    }

    private void armChecked(List<String> names, String profile) {
        Map<String, AttributeInput> changes = new HashMap<>();
        changes.put(PENDING, new AttributeInput.Value(profile));
        changes.put(ARMED, new AttributeInput.Value("once"));
        for (String cleared : List.of(STAGED, STATE, DETAIL, UPDATED, CLIENT, KEY)) {
            changes.put(cleared, new AttributeInput.Clear());
        }
        // As the original: the last deployed profile goes, except for a rescue (genesis) boot.
        if (!profile.startsWith("genesis")) {
            changes.put(PROFILE, new AttributeInput.Clear());
        }
        // Written only while each node's lock is still as refuseLocked read it: a lock set in
        // between wins, and its nodes are named.
        Map<Optional<String>, List<String>> byLock = new LinkedHashMap<>();
        List<String> raced = new ArrayList<>();
        for (String node : names) {
            Optional<String> lock = Optional.ofNullable(nodes.values(node, List.of(LOCK)).get(LOCK));
            if (lock.equals(Optional.of("locked"))) {
                raced.add(node); // locked since refuseLocked looked
            } else {
                byLock.computeIfAbsent(lock, key -> new ArrayList<>()).add(node);
            }
        }
        for (Map.Entry<Optional<String>, List<String>> group : byLock.entrySet()) {
            Map<String, String> asRead = new HashMap<>();
            asRead.put(LOCK, group.getKey().orElse(null));
            Set<String> armed = new HashSet<>(nodes.updateNodesIf(group.getValue(), asRead, changes));
            group.getValue().stream().filter(node -> !armed.contains(node)).forEach(raced::add);
        }
        if (!raced.isEmpty()) {
            throw RequestException.conflict("deployment.lock changed while arming, not armed: " + String.join(",", raced));
        }
    }

    /** The original's words, naming every locked node. */
    private void refuseLocked(List<String> names) {
        List<String> locked = names.stream().filter(node -> "locked".equals(nodes.values(node, List.of(LOCK)).get(LOCK)))
                .toList();
        if (!locked.isEmpty()) {
            throw RequestException.conflict("Requested noderange has nodes with locked deployment: "
                    + String.join(",", locked) + " (PUT /noderange/<nr>/deployment/lock {\"lock\":\"unlocked\"})");
        }
    }

    @Override
    public Map<String, String> locks(List<String> names) {
        Map<String, String> locks = new LinkedHashMap<>();
        for (String node : names) {
            String lock = nodes.values(node, List.of(LOCK)).get(LOCK);
            locks.put(node, lock != null && LOCKS.contains(lock) ? lock : "unlocked");
        }
        return locks;
    }

    @Override
    public void setLock(List<String> names, String lock) {
        if (lock == null || !LOCKS.contains(lock)) {
            throw RequestException.badRequest("lock must be one of " + String.join(", ", LOCKS) + ", not " + lock);
        }
        // No condition: the lock is the one attribute only this write (a service's) may set.
        nodes.updateNodesIf(names, Map.of(), Map.of(LOCK, new AttributeInput.Value(lock)));
    }

    @Override
    public void clear(List<String> names) {
        nodes.updateNodes(names, Map.of(PENDING, new AttributeInput.Clear(), ARMED, new AttributeInput.Clear()));
    }

    @Override
    public String issueApiKey(String node, String clientAddress) {
        Map<String, String> values;
        SortedMap<String, AttributeView> addresses;
        try {
            values = nodes.values(node, List.of(ARMED, PENDING));
            addresses = nodes.nodeAttributes(node, ADDRESSES);
        } catch (RequestException e) {
            throw forbidden();
        }
        String armed = values.get(ARMED);
        if (!isArmed(armed) || !values.containsKey(PENDING) || !fromOwnAddress(addresses, clientAddress)) {
            LOG.warn("node {} asked for an API key from {} and was refused (apiarmed={}, pending={})", node,
                    clientAddress, armed, values.get(PENDING));
            throw forbidden();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Map<String, AttributeInput> changes = new HashMap<>();
        changes.put(KEY, new AttributeInput.Value(key));
        if (!"continuous".equals(armed)) {
            changes.put(ARMED, new AttributeInput.Clear());
        }
        // Two requests at once (on one member or two) both read "once": only the first write
        // may hand out a key, else the node would hold a key that the second one replaced.
        Map<String, String> asRead = new HashMap<>();
        asRead.put(ARMED, armed);
        asRead.put(PENDING, values.get(PENDING));
        if (!nodes.updateNodeIf(node, asRead, changes)) {
            LOG.warn("node {} asked for an API key from {} while another request took it; refused", node,
                    clientAddress);
            throw forbidden();
        }
        LOG.info("node {} received its API key (asked from {})", node, clientAddress);
        return key;
    }

    @Override
    public SortedMap<String, Object> deployConfig(String node, String apiKey, String clientAddress,
                                                  String serverAddress) {
        authenticate(node, apiKey);
        Map<String, String> values = nodes.values(node, List.of(PENDING, "deployment.encryptboot",
                "deployment.useinsecureprotocols", "console.method", "dns.servers", "dns.domain", "ntp.servers"));
        SortedMap<String, Object> config = new TreeMap<>(DeployNetwork.of(
                nodes.nodeAttributes(node, NETWORK), clientAddress, serverAddress).asMap());
        config.put("profile", values.getOrDefault(PENDING, ""));
        String encrypt = values.get("deployment.encryptboot");
        config.put("encryptboot", encrypt == null || encrypt.isEmpty() || encrypt.equals("none") ? null : encrypt);
        config.put("protocol", "always".equals(values.get("deployment.useinsecureprotocols")) ? "http" : "https");
        config.put("textconsole", values.containsKey("console.method"));
        config.put("rootpassword", nodes.cryptedHash(node, "crypted.rootpassword", false).orElse(null));
        config.put("grubpassword", nodes.cryptedHash(node, "crypted.grubpassword", true).orElse(null));
        config.put("timezone", ZoneId.systemDefault().getId());
        // The original reads these from its own host's settings; ours are its defaults.
        config.put("locale", "en_US.UTF-8");
        config.put("keymap", "us");
        config.put("nameservers", list(values.get("dns.servers")));
        if (values.containsKey("ntp.servers")) {
            config.put("ntpservers", list(values.get("ntp.servers")));
        }
        config.put("dnsdomain", values.get("dns.domain"));
        return config;
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(","))
                .map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    private void authenticate(String node, String apiKey) {
        if (apiKey == null || apiKey.isEmpty() || apiKey.length() > 200
                || !nodes.matchesCrypted(node, KEY, apiKey)) {
            throw new RequestException(RequestException.Kind.FORBIDDEN,
                    "not allowed: unknown node or wrong API key");
        }
    }

    @Override
    public void updateStatus(String node, String apiKey, String clientAddress, StatusReport report) {
        authenticate(node, apiKey);
        String status = report.status() == null ? "" : report.status();
        if (!List.of("", "staged", "complete", "booted").contains(status)) {
            throw RequestException.badRequest("status must be staged, complete or booted, not " + status);
        }
        // Built from the profiles as read; written only if they are still those (two reports at
        // once, or a nodedeploy in between), else read again.
        for (int attempt = 1; ; attempt++) {
            Map<String, String> values = nodes.values(node, List.of(PENDING, STAGED, LOCK));
            Map<String, String> asRead = new HashMap<>();
            asRead.put(PENDING, values.get(PENDING));
            asRead.put(STAGED, values.get(STAGED));
            asRead.put(LOCK, values.get(LOCK));
            if (nodes.updateNodeIf(node, asRead, statusChanges(report, status, values, clientAddress))) {
                break;
            }
            if (attempt == STATUS_ATTEMPTS) {
                throw RequestException.conflict("the deployment of " + node + " changed during the report; report again");
            }
        }
        LOG.info("node {} reports deployment status '{}', state '{}'", node, status, report.state());
    }

    private Map<String, AttributeInput> statusChanges(StatusReport report, String status, Map<String, String> values,
                                                     String clientAddress) {
        Map<String, AttributeInput> changes = new HashMap<>();
        putText(changes, STATE, report.state());
        putText(changes, DETAIL, report.stateDetail());
        changes.put(UPDATED, new AttributeInput.Value(clock.instant().truncatedTo(ChronoUnit.SECONDS).toString()));
        changes.put(CLIENT, new AttributeInput.Value(clientAddress));
        if (status.equals("staged") && values.containsKey(PENDING)) {
            changes.put(STAGED, new AttributeInput.Value(values.get(PENDING)));
            changes.put(PENDING, new AttributeInput.Clear());
        }
        if (status.equals("complete")) {
            String done = values.getOrDefault(PENDING, values.get(STAGED));
            if (done != null) {
                changes.put(PROFILE, new AttributeInput.Value(done));
                if ("autolock".equals(values.get(LOCK))) {
                    changes.put(LOCK, new AttributeInput.Value("locked"));
                }
            }
            changes.put(PENDING, new AttributeInput.Clear());
            changes.put(STAGED, new AttributeInput.Clear());
        }
        if (status.equals("booted")) {
            // A diskless node booted its image: that is its profile now, but the pending profile
            // stays, for it boots the same image from the network every time (as the original).
            String booted = values.getOrDefault(STAGED, values.get(PENDING));
            if (booted != null) {
                changes.put(PROFILE, new AttributeInput.Value(booted));
            }
        }
        return changes;
    }

    private boolean isArmed(String armed) {
        if (armed == null) {
            return false;
        }
        if (armed.equals("once") || armed.equals("continuous")) {
            return true;
        }
        try {
            // The original also takes an expiry time: armed until then.
            return clock.instant().isBefore(Instant.parse(armed));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** With no address recorded for the node, any address may ask (as the original on local subnets). */
    private static boolean fromOwnAddress(SortedMap<String, AttributeView> addresses, String clientAddress) {
        List<String> own = addresses.values().stream().map(AttributeView::value)
                .filter(v -> v != null && !v.isBlank()).map(v -> v.replaceFirst("/.*", "").strip()).toList();
        if (own.isEmpty()) {
            return true;
        }
        try {
            InetAddress client = InetAddress.getByName(clientAddress);
            for (String address : own) {
                if (address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')
                        && InetAddress.getByName(address).equals(client)) {
                    return true;
                }
            }
        } catch (UnknownHostException e) {
            return false;
        }
        return false;
    }

    private static void putText(Map<String, AttributeInput> changes, String attribute, String text) {
        if (text == null) {
            return;
        }
        if (text.length() > MAX_STATE_CHARS || text.chars().anyMatch(c -> c < 0x20)) {
            throw RequestException.badRequest(attribute + " must be one line of at most " + MAX_STATE_CHARS
                    + " characters");
        }
        changes.put(attribute, new AttributeInput.Value(text));
    }

    private static RequestException forbidden() {
        return new RequestException(RequestException.Kind.FORBIDDEN, REFUSED);
    }
}
