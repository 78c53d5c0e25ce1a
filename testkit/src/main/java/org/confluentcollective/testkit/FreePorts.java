package org.confluentcollective.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports for test members and simulators, chosen below the kernel's ephemeral port range.
 *
 * <p>A port from {@code bind(0)} lies in that range and is free again once the picker closes it.
 * While a member is down (killed, restarting) its peers keep reconnecting to it, and the kernel
 * may give that very port to one of their outgoing connections: the restart then fails with
 * "address in use". The kernel never hands out ports below the range on its own.
 */
public final class FreePorts {

    /** How many ports below the ephemeral range are used. */
    private static final int SPAN = 12_000;
    /**
     * One cursor for the whole test JVM, so that two fixtures never get the same port while
     * neither has bound it yet; it starts at random so that concurrent builds rarely collide.
     */
    private static final AtomicInteger CURSOR = new AtomicInteger(ThreadLocalRandom.current().nextInt(SPAN));

    private FreePorts() {
    }

    /** {@code count} distinct ports nothing listens on now. */
    public static int[] take(int count) throws IOException {
        int low = ephemeralLow() - SPAN;
        int[] ports = new int[count];
        for (int i = 0; i < count; i++) {
            ports[i] = next(low);
        }
        return ports;
    }

    /** One port nothing listens on now. */
    public static int take() throws IOException {
        return take(1)[0];
    }

    private static int next(int low) throws IOException {
        for (int tried = 0; tried < SPAN; tried++) {
            int port = low + Math.floorMod(CURSOR.getAndIncrement(), SPAN);
            if (isFree(port)) {
                return port;
            }
        }
        throw new IOException("no free port in " + low + "-" + (low + SPAN - 1));
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** The range's low end on Linux; the usual default elsewhere. */
    private static int ephemeralLow() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            int low = Integer.parseInt(range.split("\\s+")[0]);
            return Math.max(low, SPAN + 1024);
        } catch (IOException | RuntimeException e) {
            return 32768;
        }
    }
}
