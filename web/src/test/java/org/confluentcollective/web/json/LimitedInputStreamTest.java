package org.confluentcollective.web.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.confluentcollective.web.errors.ApiException;
import org.junit.jupiter.api.Test;

class LimitedInputStreamTest {

    @Test
    void aBodyStillArrivingAfterTheDeadlineIsA408() throws Exception {
        InputStream trickle = new LimitedInputStream(new ByteArrayInputStream(new byte[100]), 1000, Duration.ofMillis(50));
        assertEquals(0, trickle.read());
        Thread.sleep(100);
        IOException late = assertThrows(IOException.class, trickle::read);
        assertEquals(408, BodyReadFailure.of(late).status());
    }

    @Test
    void aBodyOverTheLimitIsA413() {
        InputStream body = new LimitedInputStream(new ByteArrayInputStream(new byte[100]), 10, Duration.ofSeconds(30));
        ApiException tooLarge = assertThrows(ApiException.class, () -> body.read(new byte[100]));
        assertEquals(413, tooLarge.status());
    }
}
