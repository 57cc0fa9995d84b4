package com.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aClientUuidIsReused() {
        String id = UUID.randomUUID().toString();
        assertThat(RequestIds.acceptOrCreate(id)).isEqualTo(id);
        assertThat(RequestIds.acceptOrCreate(id.toUpperCase())).isEqualTo(id);
    }

    @Test
    void anythingElseIsReplacedSoItNeverReachesLogsOrHeaders() {
        for (String hostile : new String[] {null, "", "abc", "x\r\nSet-Cookie: a=b", "<script>", "' OR 1=1 --"}) {
            String id = RequestIds.acceptOrCreate(hostile);
            assertThat(UUID.fromString(id).toString()).isEqualTo(id);
            assertThat(id).isNotEqualTo(hostile);
        }
    }
}
