package org.confluentcollective.testkit.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.confluentcollective.testkit.MemberProcess;
import org.eclipse.jetty.http.HttpMethod;

/**
 * One client on one member, one operation at a time: writes on the keys (nodes) it owns — so the
 * order of a key's writes is its owner's order — and plain and consistent reads of keys owned by
 * clients on other members. Every written value is unique ({@code <client>-<seq>}).
 */
final class Client implements Runnable {

    static final String ATTRIBUTE = "custom.k";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** After an error, so that a dead member's clients do not spin. */
    private static final long BACKOFF_MS = 100;

    /** What the client believes about one of its keys: it steers the next write, it proves nothing. */
    private enum Belief { ABSENT, PRESENT, UNSURE }

    private final String name;
    private final MemberProcess member;
    private final List<String> owned;
    private final List<String> othersKeys;
    private final Rest rest;
    private final History history;
    private final Random random;
    private final BooleanSupplier running;
    private final Map<String, Belief> beliefs = new HashMap<>();
    private long sequence;

    Client(String name, MemberProcess member, List<String> owned, List<String> othersKeys, Rest rest,
           History history, Random random, BooleanSupplier running) {
        this.name = name;
        this.member = member;
        this.owned = owned;
        this.othersKeys = othersKeys;
        this.rest = rest;
        this.history = history;
        this.random = random;
        this.running = running;
        owned.forEach(key -> beliefs.put(key, Belief.ABSENT));
    }

    @Override
    public void run() {
        try {
            while (running.getAsBoolean()) {
                Event event = random.nextInt(2) == 0 ? write(owned.get(random.nextInt(owned.size())))
                        : read(othersKeys.get(random.nextInt(othersKeys.size())), random.nextBoolean());
                history.add(event);
                if (event.outcome() != Outcome.OK) {
                    Thread.sleep(BACKOFF_MS);
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private Event write(String key) throws InterruptedException {
        Belief belief = beliefs.get(key);
        OpKind kind = switch (belief) {
            case ABSENT -> OpKind.CREATE;
            case PRESENT -> random.nextInt(5) == 0 ? OpKind.DELETE : OpKind.SET;
            case UNSURE -> random.nextBoolean() ? OpKind.CREATE : OpKind.SET;
        };
        String value = kind == OpKind.DELETE ? null : name + "-" + (++sequence);
        String path = switch (kind) {
            case CREATE -> "/nodes/";
            case SET -> "/nodes/" + key + "/attributes/current";
            default -> "/nodes/" + key + "/";
        };
        String body = switch (kind) {
            case CREATE -> JSON.createObjectNode().put("name", key).put(ATTRIBUTE, value).toString();
            case SET -> JSON.createObjectNode().put(ATTRIBUTE, value).toString();
            default -> null;
        };
        HttpMethod method = switch (kind) {
            case CREATE -> HttpMethod.POST;
            case SET -> HttpMethod.PUT;
            default -> HttpMethod.DELETE;
        };
        long invoked = history.now();
        try {
            Rest.Reply reply = rest.call(member.socket(), method, path, body);
            Outcome outcome = Outcome.of(reply.status());
            beliefs.put(key, believe(kind, outcome, reply.status(), belief));
            return new Event(invoked, history.now(), member.name, name, kind, key, value, outcome,
                    reply.status(), reply.stale(), outcome == Outcome.OK ? null : abbreviate(reply.body()));
        } catch (Rest.NoReply e) {
            beliefs.put(key, e.sent ? Belief.UNSURE : belief);
            return new Event(invoked, history.now(), member.name, name, kind, key, value,
                    e.sent ? Outcome.UNKNOWN : Outcome.FAILED, 0, false, e.getMessage());
        }
    }

    private static Belief believe(OpKind kind, Outcome outcome, int status, Belief before) {
        return switch (outcome) {
            case OK -> kind == OpKind.DELETE ? Belief.ABSENT : Belief.PRESENT;
            case UNKNOWN -> Belief.UNSURE;
            case FAILED -> status == 404 ? Belief.ABSENT : status == 409 ? Belief.PRESENT : before;
        };
    }

    private Event read(String key, boolean consistent) throws InterruptedException {
        OpKind kind = consistent ? OpKind.CONSISTENT_READ : OpKind.READ;
        String path = "/nodes/" + key + "/attributes/current" + (consistent ? "?consistent=true" : "");
        long invoked = history.now();
        try {
            Rest.Reply reply = rest.call(member.socket(), HttpMethod.GET, path, null);
            if (reply.status() == 404) { // the member holds no such node: an observation of "absent"
                return new Event(invoked, history.now(), member.name, name, kind, key, null, Outcome.OK,
                        404, reply.stale(), null);
            }
            Outcome outcome = Outcome.of(reply.status());
            String value = outcome == Outcome.OK ? valueIn(reply.body()) : null;
            return new Event(invoked, history.now(), member.name, name, kind, key, value, outcome,
                    reply.status(), reply.stale(), outcome == Outcome.OK ? null : abbreviate(reply.body()));
        } catch (Rest.NoReply e) {
            return new Event(invoked, history.now(), member.name, name, kind, key, null, Outcome.UNKNOWN, 0,
                    false, e.getMessage());
        }
    }

    /** The attribute's value in a flat attribute map; "" for a node without it (never written so). */
    static String valueIn(String body) {
        try {
            JsonNode value = JSON.readTree(body).path(ATTRIBUTE).path("value");
            return value.isTextual() ? value.asText() : "";
        } catch (IOException e) {
            return "unreadable: " + abbreviate(body);
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
