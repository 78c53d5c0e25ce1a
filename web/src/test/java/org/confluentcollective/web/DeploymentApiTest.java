package org.confluentcollective.web;

import static org.confluentcollective.web.WebLayerTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.confluentcollective.web.ApiClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OS deployment through a real daemon: profiles and loaders over the socket, nodedeploy's REST
 * resource, the iPXE script and profile files on the deployment HTTP port, and the node's own
 * calls with their refusals.
 */
class DeploymentApiTest {

    @TempDir
    static Path dir;

    static Confluentd daemon;
    static ApiClient socket;
    static ApiClient monitor;
    static HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        Path loaders = Files.createDirectories(dir.resolve("ipxe"));
        Files.write(loaders.resolve("ipxe.efi"), new byte[] {1, 2, 3});
        Files.write(loaders.resolve("undionly.kpxe"), new byte[] {4, 5});
        daemon = Confluentd.start(DaemonConfig.builder(dir.resolve("state"), "m1")
                .deploy(DeploySettings.loopback(dir.resolve("deploy")).withIpxeDirectory(loaders)).build());
        socket = ApiClient.socket(daemon.socketPath());
        assertEquals(201, socket.post("/users/", "{\"name\":\"max\",\"role\":\"monitor\",\"password\":\"pw\"}").status());
        monitor = ApiClient.https(daemon.httpsPort(), daemon.fingerprint(), "max", "pw");

        Path source = Files.createDirectories(dir.resolve("source"));
        byte[] kernel = new byte[10_000];
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] = (byte) i;
        }
        Files.write(source.resolve("vmlinuz"), kernel);
        Files.writeString(source.resolve("initrd.gz"), "initrd");
        Files.writeString(source.resolve("profile.yaml"),
                "# a test profile\nname: tiny\nkernel: vmlinuz\ninitrd: initrd.gz\nkernelargs: \"console=ttyS0 quiet\"\n");
        Answer imported = socket.post("/deployment/profiles", "{\"source\":\"" + source + "\"}");
        assertEquals(200, imported.status(), imported.text());
        assertEquals(201, socket.post("/nodes/", "{\"name\":\"n1\",\"net.hwaddr\":\"52:54:00:77:00:10\"}").status());
        assertEquals(201, socket.post("/nodes/", "{\"name\":\"n2\",\"net.ipv4_address\":\"10.9.9.9/24\"}").status());
    }

    @AfterAll
    static void stop() throws Exception {
        monitor.close();
        socket.close();
        daemon.close();
    }

    @Test
    void profilesAndLoaders() throws Exception {
        JsonNode profiles = monitor.get("/deployment/profiles").json();
        assertEquals("tiny", profiles.path("profiles").path(0).path("name").asText());
        assertEquals("console=ttyS0 quiet", profiles.path("profiles").path(0).path("kernelargs").asText());
        // Importing and initializing read the member's files: local socket only, admins or not.
        assertError(403, monitor.post("/deployment/profiles", "{\"source\":\"/etc\"}"));
        assertError(409, socket.post("/deployment/profiles", "{\"source\":\"" + dir.resolve("source") + "\"}"));
        assertError(400, socket.post("/deployment/profiles", "{\"source\":\"" + dir + "\"}"));

        JsonNode initialized = socket.post("/deployment/initialize", "{}").json();
        assertEquals("[\"ipxe.efi\",\"undionly.kpxe\"]", initialized.path("copied").toString());
        assertTrue(Files.exists(dir.resolve("deploy/tftp/ipxe.efi")));
    }

    @Test
    void nodedeployArmsBootsAndCompletes() throws Exception {
        assertError(404, socket.put("/noderange/n1/deployment", "{\"profile\":\"nosuch\"}"));
        assertError(403, monitor.put("/noderange/n1/deployment", "{\"profile\":\"tiny\"}"));
        JsonNode armed = socket.put("/noderange/n1/deployment", "{\"profile\":\"tiny\"}").json();
        assertEquals("tiny", armed.path("databynode").path("n1").path("pendingprofile").asText());
        JsonNode status = monitor.get("/noderange/n1/deployment").json().path("databynode").path("n1");
        assertEquals("tiny", status.path("pendingprofile").asText());
        assertEquals("once", status.path("apiarmed").asText());
        assertFalse(status.path("bmc").asBoolean());

        HttpResponse<String> script = boot("GET", "/boot/by-mac/52-54-00-77-00-10/boot.ipxe", null, null, null);
        assertEquals(200, script.statusCode());
        String base = "http://127.0.0.1:" + daemon.deploymentHttpPort() + "/confluent-public/os/tiny/";
        assertEquals("#!ipxe\necho Deploying tiny\nkernel " + base + "vmlinuz initrd=initrd.gz console=ttyS0 quiet\n"
                + "initrd " + base + "initrd.gz\nboot\n", script.body());
        assertTrue(boot("GET", "/boot/by-mac/52:54:00:00:00:99/boot.ipxe", null, null, null).body()
                .contains("no node has the MAC address"));
        assertEquals(script.body(), boot("GET", "/boot/by-node/n1/boot.ipxe", null, null, null).body(), "by name");
        assertTrue(boot("GET", "/boot/by-node/n99/boot.ipxe", null, null, null).body().contains("no node is named n99"));
        assertEquals(200, socket.put("/nodes/n1/attributes/current",
                "{\"id.uuid\":\"4C4C4544-0000-1000-8000-0000000000A1\"}").status());
        assertEquals(script.body(), boot("GET", "/boot/by-uuid/4c4c4544-0000-1000-8000-0000000000a1/boot.ipxe", null,
                null, null).body(), "by UUID, any case");
        assertTrue(boot("GET", "/boot/by-uuid/nonsense/boot.ipxe", null, null, null).body()
                .contains("no node has the UUID nonsense"));

        // Wrong key before any key exists, and nobody else's node gets a key.
        assertEquals(403, boot("POST", "/self/updatestatus", "n1", "guess", "{\"status\":\"complete\"}").statusCode());
        assertEquals(403, boot("POST", "/self/apikey", "n3", null, null).statusCode());
        assertEquals(403, boot("POST", "/self/apikey", "n2", null, null).statusCode());
        HttpResponse<String> key = boot("POST", "/self/apikey", "n1", null, null);
        assertEquals(200, key.statusCode(), key.body());
        String apiKey = key.body().strip();
        assertEquals(43, apiKey.length());
        // Armed once: the second ask is refused, the key is stored only as a hash.
        assertEquals(403, boot("POST", "/self/apikey", "n1", null, null).statusCode());
        JsonNode stored = socket.get("/nodes/n1/attributes/all").json();
        assertFalse(stored.toString().contains(apiKey));

        assertEquals(403, boot("POST", "/self/updatestatus", "n2", apiKey, "{\"status\":\"complete\"}").statusCode());
        assertEquals(400, boot("POST", "/self/updatestatus", "n1", apiKey, "{\"status\":\"done\"}").statusCode());
        HttpResponse<String> done = boot("POST", "/self/updatestatus", "n1", apiKey,
                "{\"status\":\"complete\",\"state\":\"succeeded\",\"state_detail\":\"tiny init ran\"}");
        assertEquals(200, done.statusCode(), done.body());
        status = monitor.get("/noderange/n1/deployment").json().path("databynode").path("n1");
        assertTrue(status.path("pendingprofile").isNull(), status.toString());
        assertEquals("tiny", status.path("profile").asText());
        assertEquals("succeeded", status.path("state").asText());
        assertEquals("tiny init ran", status.path("state_detail").asText());
        assertNotEquals("", status.path("state_last_updated").asText());
        assertTrue(boot("GET", "/boot/by-mac/52:54:00:77:00:10/boot.ipxe", null, null, null).body()
                .contains("no deployment is pending for n1"));

        // Arming again forgets the profile last deployed, as the original does (not for genesis).
        assertEquals(200, socket.put("/noderange/n1/deployment", "{\"profile\":\"tiny\"}").status());
        status = monitor.get("/noderange/n1/deployment").json().path("databynode").path("n1");
        assertTrue(status.path("profile").isNull() || status.path("profile").isMissingNode(), status.toString());
        assertEquals("tiny", status.path("pendingprofile").asText());
        assertEquals(200, socket.delete("/noderange/n1/deployment").status());
    }

    @Test
    void aDisklessNodeReportingBootedKeepsItsPendingProfileToBootAgain() throws Exception {
        assertEquals(201, socket.post("/nodes/", "{\"name\":\"diskless1\",\"net.hwaddr\":\"52:54:00:77:00:41\"}")
                .status());
        assertEquals(200, socket.put("/noderange/diskless1/deployment", "{\"profile\":\"tiny\"}").status());
        String key = boot("POST", "/self/apikey", "diskless1", null, null).body().strip();
        // As the original's diskless onboot.sh sends it.
        HttpResponse<String> booted = boot("POST", "/self/updatestatus", "diskless1", key,
                "{\"state\":\"booted\",\"status\":\"booted\"}");
        assertEquals(200, booted.statusCode(), booted.body());
        JsonNode status = monitor.get("/noderange/diskless1/deployment").json().path("databynode").path("diskless1");
        assertEquals("tiny", status.path("profile").asText(), status.toString());
        assertEquals("tiny", status.path("pendingprofile").asText(), status.toString());
        assertEquals("booted", status.path("state").asText(), status.toString());
        assertTrue(boot("GET", "/boot/by-mac/52:54:00:77:00:41/boot.ipxe", null, null, null).body()
                .contains("kernel "), "the next boot boots the image again");
        // Its key stays good for the next boot's reports.
        assertEquals(200, boot("POST", "/self/updatestatus", "diskless1", key, "{\"status\":\"booted\"}")
                .statusCode());
    }

    @Test
    void autolockLocksTheNodeWhenItsDeploymentCompletes() throws Exception {
        assertEquals(201, socket.post("/nodes/", "{\"name\":\"lock1\"}").status());
        assertEquals("{\"databynode\":{\"lock1\":{\"lock\":{\"value\":\"unlocked\"}}}}",
                monitor.get("/noderange/lock1/deployment/lock").json().toString());
        // Only through the lock resource, by operators, with one of its three values.
        assertError(400, socket.put("/nodes/lock1/attributes/current", "{\"deployment.lock\":\"autolock\"}"));
        assertError(403, monitor.put("/noderange/lock1/deployment/lock", "{\"lock\":\"autolock\"}"));
        assertError(400, socket.put("/noderange/lock1/deployment/lock", "{\"lock\":\"shut\"}"));
        assertError(400, socket.put("/noderange/lock1/deployment/lock", "{}"));
        assertEquals("{\"databynode\":{\"lock1\":{\"lock\":{\"value\":\"autolock\"}}}}",
                socket.put("/noderange/lock1/deployment/lock", "{\"lock\":\"autolock\"}").json().toString());

        assertEquals(200, socket.put("/noderange/lock1/deployment", "{\"profile\":\"tiny\"}").status());
        String key = boot("POST", "/self/apikey", "lock1", null, null).body().strip();
        assertEquals(200, boot("POST", "/self/updatestatus", "lock1", key, "{\"status\":\"staged\"}").statusCode());
        assertEquals("autolock", monitor.get("/noderange/lock1/deployment/lock").json()
                .path("databynode").path("lock1").path("lock").path("value").asText(), "staged is not done yet");
        assertEquals(200, boot("POST", "/self/updatestatus", "lock1", key, "{\"status\":\"complete\"}").statusCode());
        assertEquals("locked", monitor.get("/noderange/lock1/deployment/lock").json()
                .path("databynode").path("lock1").path("lock").path("value").asText());

        Answer refused = socket.put("/noderange/lock1,n1/deployment", "{\"profile\":\"tiny\"}");
        assertError(409, refused);
        assertTrue(refused.text().contains("Requested noderange has nodes with locked deployment: lock1"), refused.text());
        assertEquals(200, socket.put("/noderange/lock1/deployment/lock", "{\"lock\":\"unlocked\"}").status());
        assertEquals(200, socket.put("/noderange/lock1/deployment", "{\"profile\":\"tiny\"}").status());
    }

    @Test
    void redeployArmsEachNodesPendingElseStagedElseLastProfile() throws Exception {
        assertEquals(201, socket.post("/nodes/", "{\"name\":\"rd1\"}").status());
        assertEquals(201, socket.post("/nodes/", "{\"name\":\"rd2\"}").status());
        assertEquals(201, socket.post("/nodes/", "{\"name\":\"rd3\"}").status());
        assertEquals(200, socket.put("/noderange/rd1,rd3/deployment", "{\"profile\":\"tiny\"}").status());
        String key1 = boot("POST", "/self/apikey", "rd1", null, null).body().strip();
        assertEquals(200, boot("POST", "/self/updatestatus", "rd1", key1, "{\"status\":\"complete\"}").statusCode());
        String key3 = boot("POST", "/self/apikey", "rd3", null, null).body().strip();
        assertEquals(200, boot("POST", "/self/updatestatus", "rd3", key3, "{\"status\":\"staged\"}").statusCode());
        JsonNode before = monitor.get("/noderange/rd1,rd2,rd3/deployment").json().path("databynode");
        assertEquals("tiny", before.path("rd3").path("stagedprofile").asText(), before.toString());
        assertTrue(before.path("rd1").path("apiarmed").isNull(), before.toString());

        assertError(400, socket.put("/noderange/rd1/deployment", "{\"redeploy\":true,\"profile\":\"tiny\"}"));
        assertError(400, socket.put("/noderange/rd1/deployment", "{\"redeploy\":\"yes\"}"));
        assertError(403, monitor.put("/noderange/rd1/deployment", "{\"redeploy\":true}"));
        // rd2 never had a profile: left alone, as the original's nodedeploy -r does.
        assertEquals("{\"databynode\":{\"rd1\":{\"pendingprofile\":\"tiny\",\"apiarmed\":\"once\"},"
                + "\"rd3\":{\"pendingprofile\":\"tiny\",\"apiarmed\":\"once\"}}}",
                socket.put("/noderange/rd1,rd2,rd3/deployment", "{\"redeploy\":true}").json().toString());
        JsonNode after = monitor.get("/noderange/rd1,rd2,rd3/deployment").json().path("databynode");
        assertEquals("once", after.path("rd1").path("apiarmed").asText(), after.toString());
        assertTrue(after.path("rd3").path("stagedprofile").isNull(), after.toString());
        assertTrue(after.path("rd2").path("pendingprofile").isNull(), after.toString());
        assertEquals(200, boot("POST", "/self/apikey", "rd1", null, null).statusCode(), "armed again");

        assertEquals(200, socket.put("/noderange/rd1/deployment/lock", "{\"lock\":\"locked\"}").status());
        assertError(409, socket.put("/noderange/rd1,rd3/deployment", "{\"redeploy\":true}"));
    }

    @Test
    void deploycfgGivesTheInstallerItsSettingsAndOnlyHashes() throws Exception {
        assertEquals(201, socket.post("/nodes/", "{\"name\":\"dc1\",\"net.eth0.ipv4_address\":\"127.0.0.1/8\","
                + "\"net.eth0.ipv4_gateway\":\"127.0.0.254\",\"net.bmc.ipv4_address\":\"10.1.1.1/24\","
                + "\"dns.servers\":\"10.0.0.1, 10.0.0.2\",\"dns.domain\":\"cluster.test\","
                + "\"crypted.rootpassword\":\"Sw0rdfish!\",\"crypted.grubpassword\":\"Gr0bLoader\",\"deployment.useinsecureprotocols\":\"always\"}").status());
        assertEquals(200, socket.put("/noderange/dc1/deployment", "{\"profile\":\"tiny\"}").status());
        String key = boot("POST", "/self/apikey", "dc1", null, null).body().strip();
        assertEquals(403, deploycfg("dc1", "guess", "application/json").statusCode());
        assertEquals(403, deploycfg("n1", key, "application/json").statusCode());

        HttpResponse<String> answer = deploycfg("dc1", key, "application/json");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode config = JSON.readTree(answer.body());
        assertEquals("127.0.0.1", config.path("ipv4_address").asText(), answer.body());
        assertEquals("static", config.path("ipv4_method").asText());
        assertEquals(8, config.path("prefix").asInt());
        assertEquals("255.0.0.0", config.path("ipv4_netmask").asText());
        assertEquals("127.0.0.254", config.path("ipv4_gateway").asText());
        assertEquals("127.0.0.1", config.path("deploy_server").asText());
        assertEquals("tiny", config.path("profile").asText());
        assertEquals("http", config.path("protocol").asText());
        assertEquals("[\"10.0.0.1\",\"10.0.0.2\"]", config.path("nameservers").toString());
        assertEquals("cluster.test", config.path("dnsdomain").asText());
        assertTrue(config.path("rootpassword").asText().startsWith("$6$"), answer.body());
        assertTrue(config.path("grubpassword").asText().startsWith("grub.pbkdf2."), answer.body());
        assertFalse(answer.body().contains("Sw0rdfish") || answer.body().contains("Gr0bLoader"), answer.body());
        assertTrue(config.path("encryptboot").isNull());
        assertFalse(config.path("textconsole").asBoolean());
        assertFalse(config.has("ntpservers"));

        // YAML unless JSON is asked for, as the original's default.
        HttpResponse<String> yaml = deploycfg("dc1", key, "*/*");
        assertEquals(200, yaml.statusCode(), yaml.body());
        assertTrue(yaml.headers().firstValue("Content-Type").orElse("").startsWith("application/yaml"));
        assertTrue(yaml.body().contains("\nprofile: \"tiny\"\n"), yaml.body());
        assertTrue(yaml.body().contains("\nnameservers:\n- \"10.0.0.1\"\n- \"10.0.0.2\"\n"), yaml.body());
        assertTrue(yaml.body().contains("\nprefix: 8\n") && yaml.body().contains("\nencryptboot: null\n"), yaml.body());
    }

    private static HttpResponse<String> deploycfg(String node, String key, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(bootUri("/self/deploycfg")).header("CONFLUENT_NODENAME", node)
                .header("CONFLUENT_APIKEY", key).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aKeyArmedOnceIsHandedOutOnceEvenToRequestsAtTheSameTime() throws Exception {
        assertEquals(201, socket.post("/nodes/", "{\"name\":\"race1\"}").status());
        assertEquals(200, socket.put("/noderange/race1/deployment", "{\"profile\":\"tiny\"}").status());
        int asking = 16;
        ExecutorService pool = Executors.newFixedThreadPool(asking);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < asking; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return boot("POST", "/self/apikey", "race1", null, null);
                }));
            }
            go.countDown();
            List<String> keys = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                if (response.statusCode() == 200) {
                    keys.add(response.body().strip());
                } else {
                    assertEquals(403, response.statusCode(), response.body());
                }
            }
            assertEquals(1, keys.size(), "keys handed out: " + keys);
            assertEquals(200, boot("POST", "/self/updatestatus", "race1", keys.get(0),
                    "{\"state\":\"booting\"}").statusCode(), "the one key handed out is the one that works");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reportsAtTheSameTimeLeaveTheStateOfSomeOrderOfThem() throws Exception {
        assertEquals(201, socket.post("/nodes/", "{\"name\":\"race2\"}").status());
        assertEquals(200, socket.put("/noderange/race2/deployment", "{\"profile\":\"tiny\"}").status());
        String key = boot("POST", "/self/apikey", "race2", null, null).body().strip();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String status = i % 2 == 0 ? "staged" : "complete";
                answers.add(pool.submit(() -> {
                    go.await();
                    return boot("POST", "/self/updatestatus", "race2", key, "{\"status\":\"" + status + "\"}");
                }));
            }
            go.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                assertTrue(response.statusCode() == 200 || response.statusCode() == 409, response.body());
            }
        } finally {
            pool.shutdownNow();
        }
        // In any order, once one "complete" is in, the profile is done and nothing stays staged.
        JsonNode attributes = socket.get("/nodes/race2/attributes/all").json();
        assertEquals("tiny", attributes.path("deployment.profile").path("value").asText(), attributes.toString());
        assertTrue(attributes.path("deployment.stagedprofile").path("value").isMissingNode()
                || attributes.path("deployment.stagedprofile").path("value").isNull(), attributes.toString());
        assertTrue(attributes.path("deployment.pendingprofile").path("value").isMissingNode()
                || attributes.path("deployment.pendingprofile").path("value").isNull(), attributes.toString());
    }

    @Test
    void aNodeRefusingPlainBootGetsARefusingScript() throws Exception {
        assertEquals(201, socket.post("/nodes/", "{\"name\":\"plain1\",\"net.hwaddr\":\"52:54:00:77:00:31\","
                + "\"deployment.useinsecureprotocols\":\"never\"}").status());
        assertEquals(200, socket.put("/noderange/plain1/deployment", "{\"profile\":\"tiny\"}").status());
        String script = boot("GET", "/boot/by-mac/52:54:00:77:00:31/boot.ipxe", null, null, null).body();
        assertTrue(script.contains("plain1 refuses plain-HTTP boot (deployment.useinsecureprotocols=never)"), script);
        assertFalse(script.contains("kernel "), script);
        assertEquals(200, socket.put("/nodes/plain1/attributes/current",
                "{\"deployment.useinsecureprotocols\":\"firmware\"}").status());
        assertTrue(boot("GET", "/boot/by-mac/52:54:00:77:00:31/boot.ipxe", null, null, null).body()
                .contains("kernel "), "firmware allows it");
    }

    @Test
    void addressCheckAndClear() throws Exception {
        // n2 has an address of its own; asking from 127.0.0.1 is not asking from it.
        socket.put("/noderange/n2/deployment", "{\"profile\":\"tiny\"}");
        assertEquals(403, boot("POST", "/self/apikey", "n2", null, null).statusCode());
        assertEquals(200, socket.delete("/noderange/n2/deployment").status());
        JsonNode status = monitor.get("/noderange/n2/deployment").json().path("databynode").path("n2");
        assertTrue(status.path("pendingprofile").isNull());
        assertTrue(status.path("apiarmed").isNull());
    }

    @Test
    void profileFilesWithRangesAndNoEscape() throws Exception {
        HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(bootUri("/confluent-public/os/tiny/vmlinuz"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, whole.statusCode());
        assertEquals(10_000, whole.body().length);
        HttpResponse<byte[]> part = http.send(HttpRequest.newBuilder(bootUri("/confluent-public/os/tiny/vmlinuz"))
                .header("Range", "bytes=1000-1003").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, part.statusCode());
        assertEquals(4, part.body().length);
        assertEquals((byte) 1000, part.body()[0]);
        for (String escape : new String[] {"/confluent-public/os/../../state/member.key",
            "/confluent-public/os/%2e%2e/%2e%2e/state/member.key", "/confluent-public/os/tiny/"}) {
            int code = http.send(HttpRequest.newBuilder(bootUri(escape)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            assertTrue(code == 400 || code == 403 || code == 404, escape + " answered " + code);
        }
    }

    @Test
    void networkingShowsInterfacesAndServices() throws Exception {
        JsonNode networking = monitor.get("/networking").json();
        assertTrue(networking.path("interfaces").toString().contains("\"127.0.0.1\""), networking.toString());
        assertTrue(networking.path("interfaces").toString().contains("\"127.0.0.0/8\""), networking.toString());
        assertEquals(daemon.deploymentHttpPort(), networking.path("services").path("http").path("port").asInt());
        assertEquals("disabled (dhcp.enabled=false)", networking.path("services").path("dhcp").path("state").asText());
    }

    private static URI bootUri(String path) {
        return URI.create("http://127.0.0.1:" + daemon.deploymentHttpPort() + path);
    }

    private static HttpResponse<String> boot(String method, String path, String node, String key, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(bootUri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (node != null) {
            request.header("CONFLUENT_NODENAME", node);
        }
        if (key != null) {
            request.header("CONFLUENT_APIKEY", key);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
