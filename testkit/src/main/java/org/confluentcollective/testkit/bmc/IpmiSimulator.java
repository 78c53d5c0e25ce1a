package org.confluentcollective.testkit.bmc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One {@code ipmi_sim} BMC on 127.0.0.1 and a free UDP port, with user {@value #USER}, FRU 0
 * ({@link #MANUFACTURER}, {@link #PRODUCT}, {@link #MODEL}, {@link #SERIAL}, board
 * {@link #BOARD_MANUFACTURER}/{@link #BOARD_PRODUCT}/{@link #BOARD_SERIAL}) and two temperature
 * sensors with thresholds 75/90/110 °C: {@link #MB_TEMP} at {@value #MB_TEMP_VALUE} and
 * {@link #CPU_TEMP} at {@value #CPU_TEMP_VALUE} (upper critical). A chassis_control script keeps
 * power, boot device and identify in files of the simulator's temp dir, so tests can check what the
 * BMC was told without our own IPMI code. {@link #close()} kills the process and removes the dir.
 */
public final class IpmiSimulator implements AutoCloseable {

    public static final String USER = "admin";
    public static final String MANUFACTURER = "Collective Systems";
    public static final String PRODUCT = "CS-1000 Server";
    public static final String MODEL = "CS1000-A";
    public static final String SERIAL = "SN0042";
    public static final String BOARD_MANUFACTURER = "Collective Boards";
    public static final String BOARD_PRODUCT = "CSB-7 Mainboard";
    public static final String BOARD_SERIAL = "BSN777";
    public static final String MB_TEMP = "MB Temp";
    public static final int MB_TEMP_VALUE = 45;
    public static final String CPU_TEMP = "CPU Temp";
    public static final int CPU_TEMP_VALUE = 95;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final int START_ATTEMPTS = 5;

    private final Path dir;
    private final String password;
    private final int port;
    private final Process process;

    private IpmiSimulator(Path dir, String password, int port, Process process) {
        this.dir = dir;
        this.password = password;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts a simulator whose user {@value #USER} has {@code password}; retries on another port
     * when a parallel test took the chosen one first.
     */
    public static IpmiSimulator start(String password) throws IOException {
        Path dir = Files.createTempDirectory("ipmi-sim-");
        try {
            writeStaticFiles(dir);
            IOException last = null;
            for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
                int port = freeUdpPort();
                Files.writeString(dir.resolve("lan.conf"), lanConf(dir, port, password));
                Process process = new ProcessBuilder("ipmi_sim", "-c", "lan.conf", "-f", "sim.emu", "-s",
                        dir.resolve("state").toString(), "-n")
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("ipmi_sim.log").toFile())
                        .start();
                try {
                    awaitPong(process, port);
                    return new IpmiSimulator(dir, password, port, process);
                } catch (IOException e) {
                    process.destroyForcibly();
                    waitFor(process);
                    last = e;
                }
            }
            throw last;
        } catch (IOException | RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    public Path dir() {
        return dir;
    }

    /** The power state the chassis script keeps. */
    public boolean powerOn() {
        return "1".equals(read("power"));
    }

    /** The script's boot device word ({@code none}, {@code pxe}, {@code default} = disk, {@code cdrom}, {@code bios}). */
    public String bootDevice() {
        String boot = read("boot");
        return boot.isEmpty() ? "none" : boot;
    }

    /** The last identify request the script got, {@code "<seconds> <force>"}, or empty if none. */
    public String identify() {
        return read("identify");
    }

    /** How many hard resets and soft shutdowns the script was asked for. */
    public int resets() {
        return lineCount("resets");
    }

    public int shutdowns() {
        return lineCount("shutdowns");
    }

    /** Stops the process (SIGSTOP): it keeps its port but answers nothing until {@link #thaw()}. */
    public void freeze() {
        signal("STOP");
    }

    public void thaw() {
        signal("CONT");
    }

    /** Runs {@code ipmitool -I lanplus -C 3} against this BMC and returns its standard output. */
    public String ipmitool(String... command) {
        List<String> line = new ArrayList<>(List.of("ipmitool", "-I", "lanplus", "-C", "3", "-H", host(), "-p",
                Integer.toString(port), "-U", USER, "-E"));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().put("IPMI_PASSWORD", password);  // -E: not on the command line
        try {
            Process run = builder.start();
            byte[] out = run.getInputStream().readAllBytes();
            if (!run.waitFor(30, TimeUnit.SECONDS) || run.exitValue() != 0) {
                throw new IllegalStateException("ipmitool " + String.join(" ", command) + " failed: "
                        + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        thaw();  // a stopped process does not die of SIGTERM, and SIGKILL leaves it a zombie until continued
        process.destroyForcibly();
        waitFor(process);
        deleteTree(dir);
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String read(String file) {
        try {
            Path path = dir.resolve(file);
            return Files.exists(path) ? Files.readString(path).strip() : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int lineCount(String file) {
        String text = read(file);
        return text.isEmpty() ? 0 : text.split("\n").length;
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return socket.getLocalPort();
        }
    }

    /** Waits for an answer to an RMCP presence ping: the simulator is up and the port is its own. */
    private static void awaitPong(Process process, int port) throws IOException {
        byte[] ping = {0x06, 0x00, (byte) 0xff, 0x06, 0x00, 0x00, 0x11, (byte) 0xbe, (byte) 0x80, 0x01, 0x00, 0x00};
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.setSoTimeout(100);
            InetAddress loopback = InetAddress.getLoopbackAddress();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("ipmi_sim exited with " + process.exitValue() + " on port " + port);
                }
                socket.send(new DatagramPacket(ping, ping.length, loopback, port));
                try {
                    socket.receive(new DatagramPacket(new byte[64], 64));
                    return;
                } catch (SocketTimeoutException e) {
                    // not listening yet
                }
            }
        }
        throw new IOException("ipmi_sim did not answer on port " + port + " within " + START_TIMEOUT);
    }

    private static String lanConf(Path dir, int port, String password) {
        String auths = " none md2 md5 straight\n";
        return "name \"sim\"\n"
                + "set_working_mc 0x20\n"
                + "startlan 1\n"
                + "  addr 127.0.0.1 " + port + "\n"
                + "  priv_limit admin\n"
                + "  allowed_auths_callback" + auths
                + "  allowed_auths_user" + auths
                + "  allowed_auths_operator" + auths
                + "  allowed_auths_admin" + auths
                + "  guid " + HexFormat.of().formatHex(guid(port)) + "\n"
                + "endlan\n"
                + "chassis_control \"" + dir.resolve("chassis.sh") + " 0x20\"\n"
                + "user 2 true \"" + USER + "\" \"" + password + "\" admin 10 none md2 md5 straight\n";
    }

    /** A GUID that differs per simulator, so a test can tell which BMC answered. */
    private static byte[] guid(int port) {
        byte[] guid = HexFormat.of().parseHex("0123456789abcdef0123456789ab0000");
        guid[14] = (byte) (port >> 8);
        guid[15] = (byte) port;
        return guid;
    }

    private static void writeStaticFiles(Path dir) throws IOException {
        Path script = dir.resolve("chassis.sh");
        Files.writeString(script, CHASSIS_SCRIPT);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path sdrs = dir.resolve("main.sdrs");
        Files.writeString(sdrs, sensorSdr(1, MB_TEMP) + sensorSdr(2, CPU_TEMP));
        Path sdrDir = Files.createDirectories(dir.resolve("state/ipmi_sim/sim"));
        run(dir, "sdrcomp", "-o", sdrDir.resolve("sdr.20.main").toString(), sdrs.toString());
        byte[] fru = fruImage();
        StringBuilder fruBytes = new StringBuilder();
        for (byte b : fru) {
            fruBytes.append(" 0x").append(HexFormat.of().toHexDigits(b));
        }
        Files.writeString(dir.resolve("sim.emu"), "mc_setbmc 0x20\n"
                + "mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02 persist_sdr\n"
                + "sel_enable 0x20 1000 0x0a\n"
                + "mc_add_fru_data 0x20 0 " + fru.length + " data" + fruBytes + "\n"
                + sensor(1, MB_TEMP_VALUE)
                + sensor(2, CPU_TEMP_VALUE)
                + "mc_enable 0x20\n");
    }

    /** Upper thresholds 75/90/110 (ipmi_sim takes them highest first, with an enable mask). */
    private static String sensor(int number, int value) {
        return "sensor_add 0x20 0 " + number + " 0x01 0x01\n"
                + "sensor_set_threshold 0x20 0 " + number + " 1 111000 110 90 75 0 0 0\n"
                + "sensor_set_value 0x20 0 " + number + " " + value + " 0\n";
    }

    private static String sensorSdr(int number, String name) {
        return "sdr type 1\n"
                + "  sensor_owner_id 0x20\n  sensor_owner_lun 0\n  channel_number 0\n"
                + "  sensor_number " + number + "\n"
                + "  entity_id system_board\n  entity_instance 1\n"
                + "  init_scanning true\n  init_events true\n  init_thresholds true\n  init_sensor_type true\n"
                + "  default_event_gen_on true\n  default_sensor_scan_on true\n  sensor_auto_rearm true\n"
                + "  sensor_threshold_access readable\n"
                + "  sensor_type Temperature\n  event_reading_type_code 1\n"
                + "  return_unc true\n  return_uc true\n  return_unr true\n"
                + "  analog_data_format unsigned\n  rate_unit none\n  modifier_unit none\n  percentage false\n"
                + "  base_unit degrees_C\n  modifier_unit_code unspecified\n  linearization linear\n"
                + "  m 1\n  tolerance 0\n  b 0\n  accuracy 1\n  accuracy_exp 0\n  sensor_direction input\n"
                + "  r_exp 0\n  b_exp 0\n  sensor_maximum 255\n  sensor_minimum 0\n"
                + "  unr_thresh 110\n  uc_thresh 90\n  unc_thresh 75\n"
                + "  id_string \"" + name + "\"\n"
                + "endsdr\n";
    }

    /** A FRU image per the IPMI FRU spec: common header, board area, product area. */
    private static byte[] fruImage() {
        byte[] board = area(new byte[] {0x01, 0x00, 0x00, 0x00, 0x00, 0x00},  // version, length, language, mfg date
                BOARD_MANUFACTURER, BOARD_PRODUCT, BOARD_SERIAL, "BP-1", "");
        byte[] product = area(new byte[] {0x01, 0x00, 0x00},  // version, length, language
                MANUFACTURER, PRODUCT, MODEL, "1.0", SERIAL, "", "");
        byte[] header = {0x01, 0x00, 0x00, 0x01, (byte) (1 + board.length / 8), 0x00, 0x00, 0x00};
        header[7] = checksum(header, 7);
        ByteArrayOutputStream image = new ByteArrayOutputStream();
        image.writeBytes(header);
        image.writeBytes(board);
        image.writeBytes(product);
        return image.toByteArray();
    }

    private static byte[] area(byte[] start, String... fields) {
        ByteArrayOutputStream area = new ByteArrayOutputStream();
        area.writeBytes(start);
        for (String field : fields) {
            byte[] text = field.getBytes(StandardCharsets.US_ASCII);
            area.write(0xc0 | text.length);  // type 8-bit ASCII
            area.writeBytes(text);
        }
        area.write(0xc1);  // end of fields
        int length = (area.size() + 1 + 7) / 8 * 8;
        byte[] bytes = new byte[length];
        System.arraycopy(area.toByteArray(), 0, bytes, 0, area.size());
        bytes[1] = (byte) (length / 8);
        bytes[length - 1] = checksum(bytes, length - 1);
        return bytes;
    }

    private static byte checksum(byte[] bytes, int count) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += bytes[i];
        }
        return (byte) -sum;
    }

    private static void run(Path dir, String... command) throws IOException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (waitFor(process) != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp dir left behind is harmless
        }
    }

    /**
     * ipmi_sim runs {@code chassis.sh 0x20 get power boot} or {@code chassis.sh 0x20 set <what>
     * <value> ...}; identify's value ({@code "<secs> <force>"}) comes as one argument.
     */
    private static final String CHASSIS_SCRIPT = """
            #!/bin/sh
            dir=$(dirname "$0")
            shift
            op=$1
            shift
            if [ "$op" = get ]; then
              for what in "$@"; do
                case $what in
                  power) echo "power:$(cat "$dir/power" 2>/dev/null || echo 0)" ;;
                  boot) echo "boot:$(cat "$dir/boot" 2>/dev/null || echo none)" ;;
                esac
              done
              exit 0
            fi
            while [ $# -ge 2 ]; do
              what=$1
              value=$2
              shift 2
              case $what in
                power) echo "$value" > "$dir/power" ;;
                reset) echo "$value" >> "$dir/resets" ;;
                shutdown) echo 0 > "$dir/power"; echo "$value" >> "$dir/shutdowns" ;;
                boot) echo "$value" > "$dir/boot" ;;
                identify) echo "$value" > "$dir/identify" ;;
              esac
            done
            """;
}
