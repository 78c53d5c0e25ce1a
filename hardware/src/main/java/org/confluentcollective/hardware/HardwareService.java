package org.confluentcollective.hardware;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.confluentcollective.hardware.bmc.Bmc;
import org.confluentcollective.hardware.bmc.BmcConnector;
import org.confluentcollective.hardware.bmc.BmcEndpoint;
import org.confluentcollective.hardware.bmc.BmcException;
import org.confluentcollective.hardware.bmc.BmcTarget;
import org.confluentcollective.hardware.bmc.BootTarget;
import org.confluentcollective.hardware.bmc.Health;
import org.confluentcollective.hardware.bmc.IdentifyState;
import org.confluentcollective.hardware.bmc.InventoryItem;
import org.confluentcollective.hardware.bmc.PowerAction;
import org.confluentcollective.hardware.bmc.PowerState;
import org.confluentcollective.hardware.bmc.SensorReading;
import org.confluentcollective.server.api.NodeHandler;
import org.confluentcollective.server.api.NodeOperation;
import org.confluentcollective.server.api.NodeResult;
import org.confluentcollective.server.api.NodeValues;
import org.confluentcollective.server.api.RequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs node operations on this member's nodes through their BMCs: the protocol from
 * {@code hardwaremanagement.method} (IPMI when unset, as in the original), the address from
 * {@code hardwaremanagement.manager}, the credentials from the node's secrets. A bounded pool
 * works on at most {@link HardwareSettings#parallelism()} nodes at once however many are asked;
 * each node has its own deadline, so a silent BMC costs only its own node an error.
 */
public final class HardwareService implements NodeHandler, AutoCloseable {

    static final String METHOD = "hardwaremanagement.method";
    static final String MANAGER = "hardwaremanagement.manager";
    static final String USER = "secret.hardwaremanagementuser";
    static final String PASSWORD = "secret.hardwaremanagementpassword";
    static final String PIN = "pubkeys.tls_hardwaremanager";
    private static final List<String> SETTINGS = List.of(METHOD, MANAGER, USER, PASSWORD, PIN);

    private static final Logger LOG = LoggerFactory.getLogger(HardwareService.class);

    private final NodeValues values;
    private final Map<String, BmcConnector> connectors;
    private final HardwareSettings settings;
    private final ExecutorService workers;

    /** @param connectors by {@code hardwaremanagement.method} value ({@code ipmi}, {@code redfish}) */
    public HardwareService(NodeValues values, Map<String, BmcConnector> connectors, HardwareSettings settings) {
        this.values = values;
        this.connectors = Map.copyOf(connectors);
        this.settings = settings;
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(settings.parallelism(), settings.parallelism(), 30,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "bmc-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.workers = pool;
    }

    @Override
    public boolean handles(NodeOperation operation) {
        return NodeRequests.of(operation).isPresent();
    }

    @Override
    public List<String> resources() {
        return NodeRequests.resources();
    }

    @Override
    public void validate(NodeOperation operation) {
        NodeRequests.of(operation)
                .orElseThrow(() -> RequestException.notFound("no such node resource: " + operation.resource()))
                .validate(operation);
    }

    @Override
    public Map<String, NodeResult> run(NodeOperation operation, List<String> nodes) {
        NodeRequests request = NodeRequests.of(operation)
                .orElseThrow(() -> RequestException.notFound("no such node resource: " + operation.resource()));
        request.validate(operation);
        Map<String, Future<NodeResult>> pending = new LinkedHashMap<>();
        Map<String, Long> started = new LinkedHashMap<>();
        for (String node : nodes) {
            pending.put(node, workers.submit(() -> {
                synchronized (started) {
                    started.put(node, System.nanoTime());
                }
                return runOne(request, operation, node);
            }));
        }
        Map<String, NodeResult> results = new LinkedHashMap<>();
        long nodeTimeout = settings.nodeTimeout().toNanos();
        pending.forEach((node, future) -> results.put(node, await(node, future, started, nodeTimeout)));
        return results;
    }

    /** Waits for a node's result; its deadline counts from when a worker took it up, not from the queue. */
    private NodeResult await(String node, Future<NodeResult> future, Map<String, Long> started, long nodeTimeout) {
        try {
            while (true) {
                Long start;
                synchronized (started) {
                    start = started.get(node);
                }
                long wait = start == null ? TimeUnit.MILLISECONDS.toNanos(200) : start + nodeTimeout - System.nanoTime();
                try {
                    return future.get(Math.max(wait, 0), TimeUnit.NANOSECONDS);
                } catch (TimeoutException notYet) {
                    if (start != null) {
                        future.cancel(true);
                        return NodeResult.failed(504, "the BMC did not complete the operation within "
                                + settings.nodeTimeout().toSeconds() + " s");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return NodeResult.failed(503, "the request was interrupted");
        } catch (CancellationException e) {
            return NodeResult.failed(503, "the operation was cancelled");
        } catch (ExecutionException e) {
            LOG.warn("node {}: unexpected failure", node, e.getCause());
            return NodeResult.failed(500, "unexpected failure: " + e.getCause());
        }
    }

    private NodeResult runOne(NodeRequests request, NodeOperation operation, String node) {
        Map<String, String> nodeSettings;
        try {
            nodeSettings = values.values(node, SETTINGS);
        } catch (RequestException e) {
            return NodeResult.failed(e.kind() == RequestException.Kind.NOT_FOUND ? 404 : 503, e.getMessage());
        }
        String method = nodeSettings.getOrDefault(METHOD, "ipmi").toLowerCase(Locale.ROOT);
        BmcConnector connector = connectors.get(method);
        if (connector == null) {
            return NodeResult.failed(501, METHOD + " " + method + " does not support " + operation.resource()
                    + " (supported: " + String.join(", ", connectors.keySet().stream().sorted().toList()) + ")");
        }
        String manager = nodeSettings.get(MANAGER);
        if (manager == null || manager.isBlank()) {
            return NodeResult.failed(400, MANAGER + " is not set for this node");
        }
        try {
            BmcTarget target = new BmcTarget(node, BmcEndpoint.parse(manager), nodeSettings.getOrDefault(USER, ""),
                    nodeSettings.getOrDefault(PASSWORD, ""), settings.exchangeTimeout(),
                    Optional.ofNullable(nodeSettings.get(PIN)).filter(pin -> !pin.isBlank()), this::pinFirstUse);
            try (Bmc bmc = connector.open(target)) {
                return NodeResult.of(perform(request, operation, bmc));
            }
        } catch (BmcException e) {
            return NodeResult.failed(e.kind().errorCode(), e.getMessage());
        }
    }

    private void pinFirstUse(String node, String fingerprint) {
        try {
            values.set(node, PIN, fingerprint);
            LOG.info("node {}: pinned its BMC certificate {}", node, fingerprint);
        } catch (RequestException e) {
            LOG.warn("node {}: could not pin its BMC certificate {}: {}", node, fingerprint, e.getMessage());
        }
    }

    private static Map<String, Object> perform(NodeRequests request, NodeOperation operation, Bmc bmc)
            throws BmcException {
        return switch (request) {
            case POWER_STATE -> operation.change() ? changePower(bmc, NodeRequests.powerState(operation.input()))
                    : Map.of("state", value(bmc.powerState().label()));
            case NEXT_BOOT -> {
                if (operation.change()) {
                    bmc.setNextBoot(NodeRequests.bootTarget(operation.input()));
                }
                yield bootAnswer(bmc.nextBoot());
            }
            case IDENTIFY -> {
                if (!operation.change()) {
                    yield Map.of("identify", value(bmc.identifyState().label()));
                }
                IdentifyState state = NodeRequests.identify(operation.input());
                bmc.identify(state);
                yield Map.of("identify", value(state.label()));
            }
            case INVENTORY -> Map.of("inventory", inventory(bmc.inventory()));
            case HEALTH -> health(bmc.sensors());
            case SENSORS -> Map.of("sensors", bmc.sensors().stream().map(HardwareService::sensor).toList());
        };
    }

    /** {@code boot} is on when off and reset when on, decided from the state read first, as the original does. */
    private static Map<String, Object> changePower(Bmc bmc, String requested) throws BmcException {
        PowerState old = bmc.powerState();
        PowerAction action = switch (requested) {
            case "boot" -> old == PowerState.ON ? PowerAction.RESET : PowerAction.ON;
            default -> PowerAction.valueOf(requested.toUpperCase(Locale.ROOT));
        };
        bmc.power(action);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("state", value(action.label()));
        answer.put("oldstate", value(old.label()));
        return answer;
    }

    private static Map<String, Object> bootAnswer(BootTarget target) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("nextdevice", value(target.device().label()));
        answer.put("bootmode", value(target.mode().label()));
        answer.put("persistent", value(target.persistent()));
        return answer;
    }

    private static List<Map<String, Object>> inventory(List<InventoryItem> items) {
        List<Map<String, Object>> answer = new ArrayList<>();
        for (InventoryItem item : items) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", item.name());
            entry.put("present", item.present());
            entry.put("information", item.information());
            answer.add(entry);
        }
        return answer;
    }

    /** The node's health is its worst sensor's; the answer lists the sensors that are not ok. */
    private static Map<String, Object> health(List<SensorReading> sensors) {
        Health worst = Health.OK;
        List<Map<String, Object>> notOk = new ArrayList<>();
        for (SensorReading sensor : sensors) {
            worst = worst.worse(sensor.health());
            if (sensor.health() != Health.OK) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", sensor.name());
                entry.put("health", sensor.health().label());
                entry.put("states", sensor.states());
                notOk.add(entry);
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("health", value(worst.label()));
        answer.put("sensors", notOk);
        return answer;
    }

    private static Map<String, Object> sensor(SensorReading sensor) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", sensor.name());
        entry.put("type", sensor.type());
        entry.put("value", sensor.value());
        entry.put("units", sensor.units());
        entry.put("health", sensor.health().label());
        entry.put("states", sensor.states());
        return entry;
    }

    private static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }

    /** Stops the workers; node operations still running are interrupted. Connectors are closed by their owner. */
    @Override
    public void close() {
        workers.shutdownNow();
    }
}
