package org.confluentcollective.testkit.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.confluentcollective.testkit.MemberProcess;

/**
 * {@code clientsPerMember} clients on every member, each owning {@code keysPerClient} keys
 * ({@code <member>c<i>k<j>}); runs until closed, then waits for every operation in flight.
 */
public final class Workload implements AutoCloseable {

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    public Workload(List<MemberProcess> members, int clientsPerMember, int keysPerClient, Rest rest,
                    History history, long seed) {
        Random seeds = new Random(seed);
        for (MemberProcess member : members) {
            List<String> othersKeys = new ArrayList<>();
            for (MemberProcess other : members) {
                if (other != member) {
                    for (int c = 1; c <= clientsPerMember; c++) {
                        othersKeys.addAll(keys(other.name + "c" + c, keysPerClient));
                    }
                }
            }
            for (int c = 1; c <= clientsPerMember; c++) {
                String name = member.name + "c" + c;
                Client client = new Client(name, member, keys(name, keysPerClient), othersKeys, rest, history,
                        new Random(seeds.nextLong()), () -> running);
                threads.add(new Thread(client, "client-" + name));
            }
        }
    }

    private static List<String> keys(String client, int count) {
        List<String> keys = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            keys.add(client + "k" + k);
        }
        return keys;
    }

    public Workload start() {
        threads.forEach(Thread::start);
        return this;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
