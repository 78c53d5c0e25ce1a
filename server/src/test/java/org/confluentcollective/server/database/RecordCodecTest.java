package org.confluentcollective.server.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

    private final RecordCodec codec = new RecordCodec();

    @Test
    void nodeRecordsRoundTripWithEveryFormOfValue() {
        NodeRecord node = new NodeRecord(List.of("rack1", "everything"), Map.of(
                "location.rack", StoredValue.ofValue("7 \"quoted\" \u00e9"),
                "location.u", StoredValue.ofExpression("{n1}"),
                "secret.hardwaremanagementpassword", StoredValue.ofSealed("aes256gcm:v1:aa:bb"),
                "crypted.rootpassword", StoredValue.ofHash("$6$salt$hash", "grub.pbkdf2.sha512.10000.AA.BB"),
                "info.note", StoredValue.ofValue("")));
        assertEquals(node, codec.decode(codec.encode(node), NodeRecord.class));
    }

    @Test
    void groupRecordsAndUsersRoundTrip() {
        GroupRecord group = new GroupRecord(Map.of("console.logging", StoredValue.ofValue("full")));
        assertEquals(group, codec.decode(codec.encode(group), GroupRecord.class));
        UserRecord user = new UserRecord("admin", "pbkdf2-sha256$1000$c2FsdA==$aGFzaA==");
        assertEquals(user, codec.decode(codec.encode(user), UserRecord.class));
    }

    @Test
    void theStoredFormIsPlainJsonAndUnknownFieldsAreSkipped() {
        String json = new String(codec.encode(new NodeRecord(List.of("g"), Map.of("a.b", StoredValue.ofValue("1")))),
                StandardCharsets.UTF_8);
        assertEquals("{\"groups\":[\"g\"],\"attributes\":{\"a.b\":{\"value\":\"1\"}}}", json);
        byte[] newer = "{\"groups\":[],\"future\":{\"x\":[1,2]},\"attributes\":{\"a\":{\"value\":\"1\",\"since\":3}}}"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(new NodeRecord(List.of(), Map.of("a", StoredValue.ofValue("1"))),
                codec.decode(newer, NodeRecord.class));
    }

    @Test
    void corruptDataIsReportedNotSilentlyEmpty() {
        assertThrows(UncheckedIOException.class, () -> codec.decode("[1,2".getBytes(StandardCharsets.UTF_8), NodeRecord.class));
    }
}
